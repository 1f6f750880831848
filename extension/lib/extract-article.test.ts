import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockText, extractArticle, findArticleRoot } from './extract-article';

const page = (name: string): Document =>
  parseHTML(readFileSync(new URL(`../../test/fixtures/pages/${name}.html`, import.meta.url), 'utf8')).document as unknown as Document;
const html = (markup: string): Document => parseHTML(markup).document as unknown as Document;

const PARAGRAPH = 'Ovo je dovoljno dugačak pasus o kamerama i nadzoru u gradu, da ga izdvajanje uzme za tekst članka. ';

describe('extractArticle', () => {
  it('reads the Cyrillic fixture: headline, body, <article> as the root, declared language', () => {
    const a = extractArticle(page('cyrillic-article'), '127.0.0.1');
    expect(a.title).toBe('Камере са препознавањем лица у Београду: Повереник поново упозорава');
    expect(a.text).toContain('Повереник за информације');
    expect(a.text).not.toContain('Најчитаније');
    expect(a.root.tagName).toBe('ARTICLE');
    expect(a.htmlLang).toBe('sr-Cyrl-RS');
  });

  it('uses a site selector when the site has one', () => {
    const doc = html(`<html><body><div class="entry-content"><p>${PARAGRAPH.repeat(6)}</p></div><div class="other"><p>${PARAGRAPH.repeat(9)}</p></div></body></html>`);
    const a = extractArticle(doc, 'www.n1info.rs');
    expect(a.via).toBe('site');
    expect(a.root.className).toBe('entry-content');
  });

  it('prefers schema.org articleBody on unknown sites', () => {
    const doc = html(`<html><body><div itemprop="articleBody"><p>${PARAGRAPH.repeat(6)}</p></div></body></html>`);
    expect(extractArticle(doc, 'example.org').via).toBe('schema');
  });

  it('skips a site selector that finds too little text', () => {
    const doc = html(`<html><body><div class="entry-content">kratko</div><article><p>${PARAGRAPH.repeat(6)}</p></article></body></html>`);
    expect(extractArticle(doc, 'n1info.rs').via).not.toBe('site');
  });

  it('does not change the page', () => {
    const doc = page('latin-article');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, '127.0.0.1');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('blockText', () => {
  it('keeps the words of adjacent blocks apart and skips scripts', () => {
    const doc = html('<html><body><div id="r"><p>kraj</p><p>početak</p><ul><li>a</li><li>b</li></ul><script>var x = 1</script></div></body></html>');
    expect(blockText(doc.getElementById('r')!)).toBe('kraj\npočetak\na\nb');
  });
});

describe('findArticleRoot', () => {
  it('takes the parent of the most paragraph text when there is no <article>', () => {
    const doc = html(`<html><body><div id="nav"><p>Meni</p></div><div id="story"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div></body></html>`);
    expect(findArticleRoot(doc).id).toBe('story');
  });
});
