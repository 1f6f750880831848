/**
 * Which extractor wins on the test pages: every article in every layout, measured by how much
 * of the article's own text each method recovers and whether it drags in the navigation,
 * sidebar or footer. The figures are printed (README.md reports them).
 */
import { describe, expect, it } from 'vitest';
import { decodeHtmlBytes } from './decode-html';
import { extractAll, extractArticle, stripNonContent } from './extract';
import { ARTICLES, SIDEBAR } from './testdata/articles';
import { renderArticlePage } from './testdata/pages';
import { latinToCyrillic } from '../../../shared/text/transliterate';
import type { ExtractionMethod } from './types';

const METHODS: ExtractionMethod[] = ['readability', 'json-ld', 'densest-block', 'og-description'];
const NOISE = [...SIDEBAR.slice(0, 2), 'Sva prava zadržana', 'Naslovna'];

describe('extraction', () => {
  it('gets the whole article and nothing around it, on every layout; Readability wins most pages', () => {
    const coverage: Record<string, number[]> = Object.fromEntries(METHODS.map((m) => [m, []]));
    const noisy: Record<string, number> = Object.fromEntries(METHODS.map((m) => [m, 0]));
    const chosen: Record<string, number> = {};
    let pages = 0;
    for (const [i, a] of ARTICLES.entries()) {
      for (let layout = 0; layout < 4; layout++) {
        pages++;
        const page = renderArticlePage(a, layout);
        const html = decodeHtmlBytes(page.bytes, page.contentType).text;
        const paragraphs = [a.lead, ...a.body];
        const noise = a.lang === 'sr-Cyrl' ? NOISE.map(latinToCyrillic) : NOISE;
        const all = extractAll(html, `http://127.0.0.1/${i}`);
        for (const m of METHODS) {
          coverage[m].push(paragraphs.filter((p) => all[m].includes(p)).length / paragraphs.length);
          if (noise.some((n) => all[m].includes(n))) noisy[m]++;
        }
        const best = extractArticle(html, `http://127.0.0.1/${i}`);
        const key = best.method ?? 'none (too short)';
        chosen[key] = (chosen[key] ?? 0) + 1;
        if (best.method) {
          expect(paragraphs.filter((p) => best.body.includes(p)).length, `${a.slug} layout ${layout}`).toBeGreaterThanOrEqual(paragraphs.length - 1);
          expect(noise.some((n) => best.body.includes(n)), `${a.slug} layout ${layout}`).toBe(false);
        }
      }
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    console.log(
      `extraction over ${pages} pages (${ARTICLES.length} articles x 4 layouts):\n` +
        METHODS.map((m) => `  ${m}: mean share of the article's paragraphs ${mean(coverage[m]).toFixed(2)}, pages with nav/sidebar/footer text ${noisy[m]}`).join('\n') +
        `\n  chosen: ${Object.entries(chosen).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
    expect(chosen.readability).toBeGreaterThan(pages / 2);
    expect(chosen['none (too short)'] ?? 0).toBeLessThan(pages / 10);
  }, 60_000);

  it('falls back to JSON-LD when the page renders its text with scripts', () => {
    const a = ARTICLES[0];
    const body = [a.lead, ...a.body].join('\n\n');
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', articleBody: body }] })}</script></head><body><div id="app"></div></body></html>`;
    const r = extractArticle(html, 'http://127.0.0.1/spa');
    expect(r.method).toBe('json-ld');
    expect(r.body).toContain(a.body[0]);
  });

  it('a paywall stub is too short, with its login form noticed', () => {
    const html = '<html><body><h1>Naslov</h1><p>Pročitajte ceo tekst uz pretplatu.</p><form action="/login"><input type="password"></form></body></html>';
    const r = extractArticle(html, 'http://127.0.0.1/p');
    expect(r.method).toBeNull();
    expect(r.loginWall).toBe(true);
  });
});

describe('stripping markup that is never the article', () => {
  it('cuts scripts, menus, sidebars and footers, keeps the rest', () => {
    const html = '<body><nav><a>Meni</a></nav><script>var x = "</div>";</script><article><p>Tekst</p></article><aside><p>Najčitanije</p></aside><footer>©</footer></body>';
    expect(stripNonContent(html)).toBe('<body>  <article><p>Tekst</p></article>  </body>');
  });
  it('stays linear on a page of unclosed tags', () => {
    const html = '<form><nav><script>'.repeat(50_000) + '<p>kraj</p>';
    const out = stripNonContent(html);
    expect(out).toContain('<p>kraj</p>');
  });
});
