import { t } from '../i18n/localize';
import type { AlertSummary } from '../types';
import { alertView } from './alert-view';
import { cut } from './lead';
import type { Doc, Line } from './rich';

/**
 * A burst summary as a document: a heading, a note on why the alerts were folded, then one
 * line per alert (title as a link, outlet with its scope mark). Follow-ups are
 * marked with "↳" and say, on their line, which other outlets carried the story. Nothing is left out: a long
 * summary is split into several messages by the renderer, never cut short.
 */
export function summaryDoc(summary: AlertSummary): Doc {
  const lang = summary.language;
  const doc: Doc = [
    [{ text: `Nadzor Watch: ${t(lang, 'summary.title', { n: summary.alerts.length })}`, bold: true }],
    [{ text: t(lang, 'summary.note'), italic: true }],
    [],
  ];
  for (const message of summary.alerts) {
    const v = alertView(message);
    // Short lines, so a burst of dozens still fits one message: the title (cut, linked) and
    // the outlet; the full alert is one click away.
    const line: Line = [message.kind === 'follow-up' ? '↳ ' : '• ', { text: cut(v.title, 120), href: v.url }, ` — ${v.scopeMark} ${v.outlet}`];
    // On the same line, and emphasis never starts or ends with a space: Discord renders
    // "*   text*" as a list bullet and a stray asterisk.
    if (message.kind === 'follow-up' && v.also) line.push(' · ', { text: v.also, italic: true });
    doc.push(line);
  }
  return doc;
}
