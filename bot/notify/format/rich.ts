import { cut } from './lead';

/**
 * A tiny rich-text model shared by alerts' summaries, digests and command replies, so the
 * content is written once and each platform renders it with its own escaping: Telegram HTML,
 * Discord markdown, console plain text. Every `text` is plain text; renderers escape it.
 */
export type Inline = string | { text: string; bold?: boolean; italic?: boolean; code?: boolean; href?: string | null };
/** One line; an empty line is a paragraph break. */
export type Line = Inline[];
export type Doc = Line[];

export const textOf = (i: Inline): string => (typeof i === 'string' ? i : i.text);

/** Plain text of a line, as the console shows it (a link's URL after its text). */
export function plainLine(line: Line): string {
  return line
    .map((i) => (typeof i === 'string' ? i : i.href && i.href !== i.text ? `${i.text} ${i.href}` : i.text))
    .join('');
}

/**
 * Shortens the longest text runs of a line until `render(line)` fits in `max`. Cutting happens
 * on the plain text before rendering, so markup and escapes are never split.
 */
export function fitLine(line: Line, render: (l: Line) => string, max: number): Line {
  let current = line;
  for (let guard = 0; guard < 50; guard++) {
    const over = render(current).length - max;
    if (over <= 0) return current;
    let longest = -1;
    for (let i = 0; i < current.length; i++) {
      if (longest === -1 || textOf(current[i]).length > textOf(current[longest]).length) longest = i;
    }
    if (longest === -1) return current;
    const item = current[longest];
    const text = textOf(item);
    // Escaping can lengthen text, so cut a little more than the overflow.
    const shorter = cut(text, Math.max(1, text.length - over - 8));
    if (shorter.length >= text.length) return current.filter((_, i) => i !== longest);
    current = current.map((x, i) => (i !== longest ? x : typeof x === 'string' ? shorter : { ...x, text: shorter }));
  }
  return current;
}

/**
 * Renders a document into messages of at most `max` characters. It breaks between
 * paragraphs when it can, else between lines, and trims a single line that alone is too long;
 * it never breaks inside a line's markup.
 */
export function renderSplit(doc: Doc, renderLine: (l: Line) => string, max: number): string[] {
  const paragraphs: string[][] = [[]];
  for (const line of doc) {
    if (line.length === 0) paragraphs.push([]);
    else paragraphs[paragraphs.length - 1].push(renderLine(fitLine(line, renderLine, max)));
  }
  const messages: string[] = [];
  let current = '';
  const flush = () => {
    if (current) messages.push(current);
    current = '';
  };
  for (const para of paragraphs.filter((p) => p.length)) {
    const whole = para.join('\n');
    const joined = current ? `${current}\n\n${whole}` : whole;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    if (whole.length <= max) {
      flush();
      current = whole;
      continue;
    }
    // Too long for any one message: fill line by line, starting in the current one.
    para.forEach((line, i) => {
      const next = current ? `${current}${i === 0 ? '\n\n' : '\n'}${line}` : line;
      if (next.length <= max) current = next;
      else {
        flush();
        current = line;
      }
    });
  }
  flush();
  return messages;
}
