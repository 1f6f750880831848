/**
 * Generated article pages for the tests: the article among the things real pages carry
 * (navigation, a "most read" sidebar, a footer, a cookie notice), in the encodings Serbian
 * outlets use. Latin pages are windows-1250 declared in the HTTP header; Cyrillic pages are
 * windows-1251 declared only by `<meta charset>`; English pages are UTF-8.
 */
import iconv from 'iconv-lite';
import { latinToCyrillic } from '../../../../shared/text/transliterate';
import { SIDEBAR, type ArticleText } from './articles';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RenderedPage {
  bytes: Buffer;
  contentType: string;
}

/** Four page layouts, so extraction is tried on more than one shape of markup. */
export function renderArticlePage(a: ArticleText, layout = 0, padKb = 0): RenderedPage {
  const cyr = a.lang === 'sr-Cyrl';
  const tr = (s: string) => (cyr ? latinToCyrillic(s) : s);
  const paragraphs = [a.lead, ...a.body];
  const nav = `<header><nav class="menu"><a href="/">${tr('Naslovna')}</a> <a href="/politika">${tr('Politika')}</a> <a href="/drustvo">${tr('Društvo')}</a> <a href="/sport">Sport</a></nav></header>`;
  const sidebar = `<aside class="sidebar"><h3>${tr('Najčitanije')}</h3><ul>${SIDEBAR.map((h) => `<li><a href="/x">${esc(tr(h))}</a></li>`).join('')}</ul></aside>`;
  // Real pages carry far more markup than text: mega-menus, related links, inline scripts.
  const menu = padKb > 0 ? `<nav class="mega">${Array.from({ length: Math.ceil((padKb * 1024) / 120) }, (_, i) => `<div class="item"><a href="/rubrika/${i}">${tr('Rubrika')} ${i}</a><span class="c">${i}</span></div>`).join('')}</nav><script>var cfg={"ads":[1,2,3]};</script>` : '';
  const footer = `${menu}<footer><p>© 2026 ${tr('Sva prava zadržana')}. ${tr('Kontakt i impresum')}.</p><p>${tr('Ovaj sajt koristi kolačiće')}.</p></footer>`;
  const ps = paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  let main: string;
  let head = '';
  switch (layout % 4) {
    case 0:
      main = `<main><article><h1>${esc(a.title)}</h1><div class="meta">Autor: Redakcija · 12.05.2026.</div>${ps}</article></main>`;
      break;
    case 1:
      main = `<div id="wrap"><div class="col-8"><div class="story-title"><h1>${esc(a.title)}</h1></div><div class="story-text">${ps}</div><div class="share">Podeli: Facebook · X · Viber</div></div></div>`;
      break;
    case 2:
      head = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title, articleBody: paragraphs.join('\n\n') }).replace(/</g, '\\u003c')}</script>`;
      main = `<div class="content"><h1>${esc(a.title)}</h1><section class="body">${ps}</section></div>`;
      break;
    default:
      main = `<div><h1>${esc(a.title)}</h1>${paragraphs.map((p) => `<div class="para">${esc(p)}</div>`).join('')}</div>`;
  }
  const charset = a.lang === 'sr-Latn' ? 'windows-1250' : a.lang === 'sr-Cyrl' ? 'windows-1251' : 'utf-8';
  const metaCharset = cyr ? `<meta charset="${charset}">` : '';
  const html = `<!doctype html><html lang="${a.lang}"><head>${metaCharset}<title>${esc(a.title)}</title><meta property="og:description" content="${esc(a.lead)}">${head}</head><body>${nav}${main}${sidebar}${footer}</body></html>`;
  return {
    bytes: iconv.encode(html, charset),
    // Cyrillic pages declare their charset only in the page, as some outlets do.
    contentType: cyr ? 'text/html' : `text/html; charset=${charset}`,
  };
}

/** A paywall stub: the headline, one teaser sentence and a login form. */
export function paywallPage(title: string): RenderedPage {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1><p>Kamere za prepoznavanje lica u Beogradu: pročitajte ceo tekst uz pretplatu.</p><form action="/login" method="post"><input name="user"><input type="password" name="pass"><button>Prijava</button></form></body></html>`;
  return { bytes: Buffer.from(html), contentType: 'text/html; charset=utf-8' };
}
