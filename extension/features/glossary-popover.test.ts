import { parseHTML } from 'linkedom';
import { glossary } from '../../shared/context/glossary';
import { pageTerms } from '../lib/classify-answer';
import { describe, expect, it } from 'vitest';
import { highlightGlossary } from './glossary-highlights';
import { attachGlossaryPopover } from './glossary-popover';

/** The terms the background finds in the text of `el` (lib/classify-answer.ts), as the content script gets them. */
const termsIn = (el: Element) => pageTerms(el.textContent ?? '');

function setup(lang: 'en' | 'sr-Latn' = 'en') {
  const { document, window } = parseHTML('<!doctype html><html><body><article><p>Poverenik je odbio procenu uticaja.</p></article><div id="layer"></div></body></html>');
  const doc = document as unknown as Document;
  Object.assign(window, { innerWidth: 1280, innerHeight: 900 });
  const article = doc.querySelector('article')!;
  const highlights = highlightGlossary(article, lang, termsIn(article));
  const popover = attachGlossaryPopover(article, doc.getElementById('layer')!, highlights.terms, lang);
  const term = (id: string) => doc.querySelector(`[data-nadzor-term="${id}"]`) as HTMLElement;
  const fire = (el: Element, type: string, init: Record<string, unknown> = {}) => {
    const event = new (window as unknown as { Event: typeof Event }).Event(type, { bubbles: true });
    Object.assign(event, init);
    el.dispatchEvent(event);
  };
  return { doc, popover, term, fire };
}

describe('glossary popover', () => {
  it('opens on hover with the term and at most ~160 characters, and "more" for the rest', () => {
    const { popover, term, fire } = setup();
    expect(popover.element.hidden).toBe(true);
    fire(term('dpia'), 'pointerover');
    expect(popover.element.hidden).toBe(false);
    const dpia = glossary.find((t) => t.id === 'dpia')!;
    expect(popover.element.querySelector('.term-name')!.textContent).toBe(dpia.term.en);
    const text = popover.element.querySelector('.term-text')!.textContent!;
    expect(text.length).toBeLessThanOrEqual(160);
    expect(dpia.definition.en.length).toBeGreaterThan(160);
    const more = popover.element.querySelector('button')!;
    expect(more.hidden).toBe(false);
    expect(more.textContent).toBe('more');
    (more as HTMLElement).click();
    expect(popover.element.querySelector('.term-text')!.textContent).toBe(dpia.definition.en);
    expect(more.textContent).toBe('less');
  });

  it('opens on keyboard focus; Enter shows the rest; Escape closes', () => {
    const { popover, term, fire } = setup('sr-Latn');
    fire(term('commissioner'), 'focusin');
    expect(popover.element.hidden).toBe(false);
    expect(term('commissioner').style.outline).toContain('2px');
    const short = popover.element.querySelector('.term-text')!.textContent!;
    fire(term('commissioner'), 'keydown', { key: 'Enter' });
    const full = popover.element.querySelector('.term-text')!.textContent!;
    expect(full.length).toBeGreaterThanOrEqual(short.length);
    fire(term('commissioner'), 'keydown', { key: 'Escape' });
    expect(popover.element.hidden).toBe(true);
  });

  it('opens on a tap and closes on a second one', () => {
    const { popover, term, fire } = setup();
    fire(term('dpia'), 'click', { pointerType: 'touch' });
    expect(popover.element.hidden).toBe(false);
    fire(term('dpia'), 'click', { pointerType: 'touch' });
    expect(popover.element.hidden).toBe(true);
  });

  it('removes itself and its listeners', () => {
    const { doc, popover, term, fire } = setup();
    popover.remove();
    fire(term('dpia'), 'pointerover');
    expect(doc.querySelector('.popover')).toBeNull();
  });
});
