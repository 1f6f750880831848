/**
 * Hostile feed bodies, generated (never stored in the repo): the inputs issue 10 found to
 * freeze, bloat or steer the monitor. Shared by test/hostile-feeds.test.ts and
 * `npm run bench -- hostile`.
 */

const rssOpen = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Hostile</title><link>http://127.0.0.1/</link>';
const rssClose = '</channel></rss>';

function item(n: number, title: string, description = 'Tekst.', published = new Date(Date.UTC(2026, 0, 1, 0, 0, n % 60)).toUTCString()): string {
  // The link differs per generator (by title), so two hostile feeds' items are not duplicates.
  const key = title.slice(0, 12).replace(/\W+/g, '-');
  return `<item><guid>h-${key}-${n}</guid><title>${title}</title><link>http://127.0.0.1/h/${key}/${n}</link><pubDate>${published}</pubDate><description>${description}</description></item>`;
}

/** `<!ENTITY big "A×20000">` referenced 20,000 times: 260 KB that expands to 400 M characters. */
export function entityAmplification(refs = 20_000, size = 20_000): string {
  return `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY big "${'A'.repeat(size)}">]>\n<rss version="2.0"><channel><title>Amp</title>` +
    `<item><title>x</title><description>${'&big;'.repeat(refs)}</description></item>${rssClose}`;
}

/** "<a" repeated in a description (stripTags/tagEnd): escaped, so it reaches the HTML stripper. */
export function manyOpenTags(count = 400_000): string {
  return rssOpen + item(1, 'Open tags', `<![CDATA[${'<a'.repeat(count)}]]>`) + rssClose;
}

/** Unterminated "</a" repeated (the XML reader's end-tag scan). */
export function unterminatedEndTags(count = 400_000): string {
  return rssOpen + item(1, 'End tags') + '</a'.repeat(count) + rssClose;
}

/** 300,000 `<channel/>` siblings (the canonicaliser's channel merge). */
export function manyChannels(count = 300_000): string {
  return `<?xml version="1.0"?>\n<rss version="2.0">${'<channel/>'.repeat(count)}<channel><title>C</title>${item(1, 'Channels')}</channel></rss>`;
}

/** 185,000 `<itunes:category>` (the adapter's tags). */
export function manyCategories(count = 185_000): string {
  return '<?xml version="1.0"?>\n<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Cat</title>' +
    '<itunes:category text="x"/>'.repeat(count) + item(1, 'Categories') + rssClose;
}

/** A feed of `count` items, item n published n seconds after 2026-01-01 (so the newest are the last). */
export function manyItems(count = 100_000): string {
  const parts = [rssOpen];
  // Compact items (about 60 bytes): 100,000 of them make a 6 MB feed.
  const start = Date.UTC(2026, 0, 1);
  for (let n = 0; n < count; n++) {
    parts.push(`<item><title>Vest ${n}</title><pubDate>${new Date(start + n * 1000).toISOString().slice(0, 19)}Z</pubDate></item>`);
  }
  parts.push(rssClose);
  return parts.join('');
}

/** One item whose title is `bytes` long. */
export function hugeTitle(bytes = 4 * 1024 * 1024): string {
  return rssOpen + item(1, 'Naslov '.repeat(Math.ceil(bytes / 7)).slice(0, bytes)) + rssClose;
}

/** A plain RSS feed of the given items (title, description, link path, published ISO). */
export function rss(items: Array<{ guid: string; title: string; description: string; link: string; published: string }>): string {
  return rssOpen + items.map((it) =>
    `<item><guid>${it.guid}</guid><title>${escape(it.title)}</title><link>${escape(it.link)}</link><pubDate>${new Date(it.published).toUTCString()}</pubDate><description>${escape(it.description)}</description></item>`,
  ).join('') + rssClose;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
