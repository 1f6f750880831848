import { cleanInline } from './clean';

const MAX_LEAD = 300;

/**
 * The one- or two-sentence lead of an alert, from the article's plain text. Feeds often start
 * the description with the title again, so a repeated title is skipped. Two sentences when
 * they fit in about 300 characters, else one, else the text cut at a word boundary with "…".
 */
export function leadOf(title: string, text: string, max = MAX_LEAD): string {
  let body = cleanInline(text);
  const t = cleanInline(title);
  if (t && body.toLowerCase().startsWith(t.toLowerCase())) body = body.slice(t.length).replace(/^[\s.:–—-]+/, '');
  if (!body) return '';
  // A sentence ends at . ! ? … followed by a space and an upper-case letter, digit or quote,
  // so abbreviations such as "dr. sc." or "npr. kamere" do not end one.
  const sentences = body.split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}"„“«(])/u);
  const two = sentences.slice(0, 2).join(' ');
  if (two.length <= max) return two;
  if (sentences[0].length <= max) return sentences[0];
  return cut(sentences[0], max);
}

/** `text` shortened to at most `max` characters at a word boundary, ending in "…". */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const hard = text.slice(0, max - 1);
  const soft = hard.replace(/\s+\S*$/, '');
  return (soft.length >= max * 0.6 ? soft : hard).trimEnd() + '…';
}
