import { safeHttpUrl } from '../format/clean';
import { renderSplit, type Doc, type Inline, type Line } from '../format/rich';

/** Discord's limit for a message's content. */
export const DISCORD_MAX_CONTENT = 2000;

/**
 * Feed text for Discord markdown. Discord treats a backslash before any ASCII punctuation as an
 * escape and hides the backslash, so escaping every character that can start markup (emphasis,
 * code, spoilers, quotes, headings, lists, masked links, mentions, custom emoji and timestamps
 * in <...>) shows the text exactly as written: "[a](http://evil)" stays text, not a link.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\*_~`|>#\-[\]()<@]/g, (c) => `\\${c}`)
      // "1. " at the start would begin an ordered list.
      .replace(/^(\d+)\./, '$1\\.')
  );
}

function inlineMarkdown(i: Inline): string {
  if (typeof i === 'string') return escapeMarkdown(i);
  let md = escapeMarkdown(i.text);
  if (i.code) md = `\`${i.text.replace(/`/g, "'")}\``;
  if (i.italic) md = `*${md}*`;
  if (i.bold) md = `**${md}**`;
  const href = safeHttpUrl(i.href);
  // <url> inside a masked link keeps Discord from adding a preview for every link of a list.
  if (href) md = `[${md}](<${href}>)`;
  return md;
}

export const lineMarkdown = (line: Line): string => line.map(inlineMarkdown).join('');

/** A document as one or more message contents within Discord's limit. */
export function renderDiscordMarkdown(doc: Doc, max = DISCORD_MAX_CONTENT): string[] {
  return renderSplit(doc, lineMarkdown, max);
}
