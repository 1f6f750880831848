import type { AlertView } from '../format/alert-view';
import { cut } from '../format/lead';
import { fitLine, type Doc } from '../format/rich';
import { lineHtml, TELEGRAM_MAX_TEXT } from './html';

/** A link longer than this is left out rather than crowd the message (feeds can carry huge URLs). */
const MAX_URL = 1000;

function alertDoc(v: AlertView, caps: { title: number; lead: number; why: number }): Doc {
  const url = v.url && v.url.length <= MAX_URL ? v.url : null;
  const doc: Doc = [];
  if (v.kind === 'follow-up') doc.push([{ text: `↳ ${v.label}`, italic: true }]);
  doc.push(
    [{ text: cut(v.title, caps.title), bold: true, href: url }],
    [`${v.scopeMark} ${v.outlet} · ${v.scopeLabel} · ${v.date}`],
  );
  if (v.lead && caps.lead > 0) doc.push([], [cut(v.lead, caps.lead)]);
  doc.push([]);
  if (v.tags.length) doc.push([v.tags.join(' ')]);
  if (caps.why > 0) doc.push([{ text: `${v.whyLabel}:`, italic: true }, ` ${cut(v.why.join('; '), caps.why)} (${v.score})`]);
  if (v.also) doc.push([{ text: cut(v.also, 600), italic: true }]);
  if (url) doc.push([{ text: v.readLabel, href: url }, ` · ${new URL(url).hostname}`]);
  return doc;
}

function render(doc: Doc, max: number): string {
  const out: string[] = [];
  for (const line of doc) out.push(line.length ? lineHtml(fitLine(line, lineHtml, max)) : '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * An alert as one Telegram HTML message. It must stay one message (a follow-up edits it), so
 * when it is too long the lead, then the reasons, then the title are trimmed, in plain text
 * before escaping: the markup is never cut.
 */
export function alertHtml(view: AlertView, max = TELEGRAM_MAX_TEXT): string {
  const attempts = [
    { title: 400, lead: 400, why: 800 },
    { title: 300, lead: 200, why: 300 },
    { title: 200, lead: 0, why: 150 },
    { title: 100, lead: 0, why: 0 },
  ];
  for (const caps of attempts) {
    const html = render(alertDoc(view, caps), max);
    if (html.length <= max) return html;
  }
  // Only a pathological maximum gets here; the title alone always fits then.
  return render([[{ text: cut(view.title, 100), bold: true }]], max);
}
