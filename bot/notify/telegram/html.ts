import { safeHttpUrl } from '../format/clean';
import { renderSplit, type Doc, type Inline, type Line } from '../format/rich';

/** Telegram's limit for one message's text. */
export const TELEGRAM_MAX_TEXT = 4096;

/**
 * Text for Telegram's HTML parse mode. Only &, < and > are special there (and " inside
 * attributes); escaping them makes any feed text, "<b>x</b>" included, arrive as plain text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inlineHtml(i: Inline): string {
  if (typeof i === 'string') return escapeHtml(i);
  let html = escapeHtml(i.text);
  if (i.code) html = `<code>${html}</code>`;
  if (i.italic) html = `<i>${html}</i>`;
  if (i.bold) html = `<b>${html}</b>`;
  const href = safeHttpUrl(i.href);
  if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
  return html;
}

export const lineHtml = (line: Line): string => line.map(inlineHtml).join('');

/** A document as one or more HTML messages, each within Telegram's limit and well formed. */
export function renderTelegramHtml(doc: Doc, max = TELEGRAM_MAX_TEXT): string[] {
  return renderSplit(doc, lineHtml, max);
}
