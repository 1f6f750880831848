import { parseHTML } from 'linkedom';
import { pageTerms } from '../lib/classify-answer';
import { describe, expect, it } from 'vitest';
import { highlightGlossary, TERM_ATTRIBUTE } from './glossary-highlights';

/** The terms the background finds in the text of `el` (lib/classify-answer.ts), as the content script gets them. */
const termsIn = (el: Element) => pageTerms(el.textContent ?? '');

function page(body: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  return document as unknown as Document;
}

describe('highlightGlossary', () => {
  it('wraps the first occurrence of each term in a focusable span (its popover: glossary-popover.ts)', () => {
    const doc = page('<article><p>Poverenik je odbio procenu uticaja. Poverenik je ponovo odbio.</p></article>');
    const h = highlightGlossary(doc.querySelector('article')!, 'sr-Latn', termsIn(doc.querySelector('article')!));
    const spans = [...doc.querySelectorAll(`[${TERM_ATTRIBUTE}]`)];
    expect(spans.map((s) => [s.getAttribute(TERM_ATTRIBUTE), s.textContent])).toEqual([
      ['commissioner', 'Poverenik'],
      ['dpia', 'procenu uticaja'],
    ]);
    // No browser tooltip (late, unstyled): a popover instead, reached by keyboard too.
    expect(spans[0].hasAttribute('title')).toBe(false);
    expect(spans[0].getAttribute('tabindex')).toBe('0');
    expect(spans[0].getAttribute('aria-label')).toMatch(/^Poverenik \(Poverenik/);
    expect(spans[0].getAttribute('style')).toContain('text-decoration-line: underline');
    expect(spans[0].getAttribute('style')).not.toMatch(/margin|padding:\s*[1-9]/);
    expect(h.count).toBe(2);
    expect(h.terms.map((t) => t.id)).toEqual(['commissioner', 'dpia']);
    expect(doc.querySelector('p')!.textContent).toBe('Poverenik je odbio procenu uticaja. Poverenik je ponovo odbio.');
  });

  it('names the term in the panel language (Cyrillic)', () => {
    const doc = page('<p>Повереник је одбио</p>');
    highlightGlossary(doc.body, 'sr-Cyrl', termsIn(doc.body));
    expect(doc.querySelector(`[${TERM_ATTRIBUTE}]`)!.getAttribute('aria-label')).toMatch(/^Повереник \(Повереник/);
  });

  it('leaves links, code, form fields and headlines alone', () => {
    const doc = page('<h1>Poverenik</h1><a href="#">Poverenik</a><code>DPIA</code><textarea>DPIA</textarea><p>tekst bez pojmova</p>');
    const h = highlightGlossary(doc.body, 'sr-Latn', termsIn(doc.body));
    expect(h.count).toBe(0);
    expect(doc.querySelectorAll(`[${TERM_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('remove() restores the page exactly, keeping the original text node', () => {
    const doc = page('<article><p id="p">Pre toga, Poverenik i <b>video-nadzor</b>, pa DPIA na kraju.</p></article>');
    const before = doc.body.innerHTML;
    const original = doc.getElementById('p')!.firstChild;
    const h = highlightGlossary(doc.body, 'en', termsIn(doc.body));
    expect(h.count).toBe(3);
    expect(doc.body.innerHTML).not.toBe(before);
    h.remove();
    expect(doc.body.innerHTML).toBe(before);
    expect(doc.getElementById('p')!.firstChild).toBe(original);
    expect(doc.getElementById('p')!.childNodes).toHaveLength(3);
  });

  it('dryRun finds the terms without changing anything', () => {
    const doc = page('<p>Safe City i Poverenik</p>');
    const before = doc.body.innerHTML;
    const h = highlightGlossary(doc.body, 'en', termsIn(doc.body), { dryRun: true });
    expect(h.terms.map((t) => t.id)).toEqual(['safe-city', 'commissioner']);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('treats page text as text: markup in the page stays inert', () => {
    const doc = page('<p>&lt;img src=x onerror=alert(1)&gt; Poverenik</p>');
    highlightGlossary(doc.body, 'en', termsIn(doc.body));
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelector('p')!.textContent).toBe('<img src=x onerror=alert(1)> Poverenik');
  });
});

describe('highlightGlossary with the forms of the article', () => {
  it('finds a form across other whitespace than the text the background read, whole words only', () => {
    const doc = page('<p>Nova procenu\u00a0uticaja i još jedna; Povereniku nije, Poverenik jeste.</p>');
    const h = highlightGlossary(doc.body, 'sr-Latn', pageTerms('procenu uticaja Poverenik'));
    expect([...doc.querySelectorAll(`[${TERM_ATTRIBUTE}]`)].map((s) => s.textContent)).toEqual(['procenu\u00a0uticaja', 'Poverenik']);
    expect(h.terms.map((t) => t.id)).toEqual(['dpia', 'commissioner']);
  });
});
