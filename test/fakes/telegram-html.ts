/**
 * Telegram's HTML parse mode, as strictly as the Bot API applies it: only its tags, properly
 * nested, <a> with an href, and only the four named entities plus numeric ones. Returns the
 * visible text (what the 4096-character limit counts) or the error Telegram would give.
 */
const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'tg-spoiler', 'span', 'blockquote', 'tg-emoji']);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export type ParsedHtml = { ok: true; text: string; links: string[]; bold: string[] } | { ok: false; error: string };

export function parseTelegramHtml(html: string): ParsedHtml {
  const stack: Array<{ tag: string; start: number }> = [];
  const links: string[] = [];
  const bold: string[] = [];
  let text = '';
  let i = 0;
  const fail = (why: string): ParsedHtml => ({ ok: false, error: `Bad Request: can't parse entities: ${why} at byte offset ${i}` });
  while (i < html.length) {
    const c = html[i];
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end === -1) return fail('Unclosed start tag');
      const raw = html.slice(i + 1, end);
      const closing = raw.startsWith('/');
      // One attribute at most: name="value", or the bare `expandable` of a collapsed blockquote.
      const m = /^\/?([a-z-]+)(\s+([a-z]+)="([^"]*)"|\s+(expandable))?\s*$/.exec(raw);
      if (!m || !TAGS.has(m[1]) || (m[5] && m[1] !== 'blockquote')) return fail(`Unsupported start tag "${raw.split(/\s/)[0]}"`);
      if (closing) {
        const open = stack.pop();
        if (!open || open.tag !== m[1]) return fail(`Unmatched end tag "${m[1]}"`);
        if (open.tag === 'b' || open.tag === 'strong') bold.push(text.slice(open.start));
      } else {
        if (m[1] === 'a') {
          if (m[3] !== 'href') return fail('Tag "a" must have attribute href');
          links.push(m[4].replace(/&(lt|gt|amp|quot);/g, (_, e: string) => ENTITIES[e]));
        }
        stack.push({ tag: m[1], start: text.length });
      }
      i = end + 1;
    } else if (c === '&') {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(html.slice(i));
      if (!m) return fail('Character entity expected');
      const e = m[1].toLowerCase();
      text += e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e];
      i += m[0].length;
    } else if (c === '>') {
      // Telegram tolerates a bare ">", but our escaping never leaves one.
      return fail('Unexpected end tag character');
    } else {
      text += c;
      i++;
    }
  }
  if (stack.length) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1].tag}"`);
  return { ok: true, text, links, bold };
}
