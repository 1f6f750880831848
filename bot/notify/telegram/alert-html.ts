import type { AlertView } from '../format/alert-view';
import { cut } from '../format/lead';
import { fitLine, type Doc } from '../format/rich';
import { escapeHtml, lineHtml, TELEGRAM_MAX_TEXT } from './html';

/** A link longer than this is left out rather than crowd the message (feeds can carry huge URLs). */
const MAX_URL = 1000;

interface Caps {
  title: number;
  lead: number;
  why: number;
  /** The collapsed quote with the other reasons; 0 leaves it out. */
  rest: number;
}

/**
 * The alert as lines: the milestones a follow-up reached, the title (linked), outlet, scope and
 * the date (once), the lead, at most three tags, the two distinctive reasons with the score,
 * "also reported by", the link. The other reasons follow in an expandable blockquote (added by
 * alertHtml: the rich-text model has no quotes).
 */
function alertDoc(v: AlertView, caps: Caps): { head: Doc; tail: Doc } {
  const url = v.url && v.url.length <= MAX_URL ? v.url : null;
  const doc: Doc = [];
  const tail: Doc = [];
  if (v.kind === 'follow-up') doc.push([{ text: `↳ ${v.label}`, italic: true }]);
  for (const line of v.milestones) doc.push([{ text: line, bold: true }]);
  doc.push(
    [{ text: cut(v.title, caps.title), bold: true, href: url }],
    [`${v.scopeMark} ${v.outlet} · ${v.scopeLabel} · ${v.date}`],
  );
  if (v.lead && caps.lead > 0) doc.push([], [cut(v.lead, caps.lead)]);
  doc.push([]);
  if (v.tags.length) doc.push([v.tags.join(' ')]);
  if (caps.why > 0) doc.push([{ text: `${v.whyLabel}:`, italic: true }, ` ${cut(v.why.join('; '), caps.why)} (${v.score})`]);
  if (v.also) tail.push([{ text: cut(v.also, 600), italic: true }]);
  if (url) tail.push([{ text: v.readLabel, href: url }, ` · ${new URL(url).hostname}`]);
  return { head: doc, tail };
}

function render(doc: Doc, max: number): string {
  const out: string[] = [];
  for (const line of doc) out.push(line.length ? lineHtml(fitLine(line, lineHtml, max)) : '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The other reasons in a quote Telegram shows collapsed (Bot API 7.4+), one per line. */
function restQuote(v: AlertView, max: number): string {
  if (v.whyRest.length === 0 || max <= 0) return '';
  return `<blockquote expandable>${escapeHtml(cut(v.whyRest.join('\n'), max))}</blockquote>`;
}

/**
 * An alert as one Telegram HTML message. It must stay one message (a follow-up edits it), so
 * when it is too long the other reasons, then the lead, then the shown reasons, then the title
 * are trimmed, in plain text before escaping: the markup is never cut.
 */
export function alertHtml(view: AlertView, max = TELEGRAM_MAX_TEXT): string {
  const attempts: Caps[] = [
    { title: 400, lead: 400, why: 400, rest: 600 },
    { title: 300, lead: 200, why: 300, rest: 0 },
    { title: 200, lead: 0, why: 150, rest: 0 },
    { title: 100, lead: 0, why: 0, rest: 0 },
  ];
  for (const caps of attempts) {
    const { head, tail } = alertDoc(view, caps);
    const html = [render(head, max), restQuote(view, caps.rest), render(tail, max)].filter(Boolean).join('\n');
    if (html.length <= max) return html;
  }
  // Only a pathological maximum gets here; the title alone always fits then.
  return render([[{ text: cut(view.title, 100), bold: true }]], max);
}
