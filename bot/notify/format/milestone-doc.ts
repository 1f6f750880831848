import type { AlertMessage } from '../types';
import { alertView } from './alert-view';
import { cut } from './lead';
import type { Doc } from './rich';

/**
 * The short reply to a story's first message when a follow-up brings the story to a milestone
 * (its first international outlet, or N outlets): one line per milestone, then the article that
 * reached it, linked. Null when the follow-up reached none: the edit of the first message is
 * then the whole update.
 */
export function milestoneDoc(message: AlertMessage): Doc | null {
  if (message.kind !== 'follow-up') return null;
  const v = alertView(message);
  if (v.milestones.length === 0) return null;
  return [...v.milestones.map((line) => [line]), ['↳ ', { text: cut(v.title, 150), href: v.url }, ` — ${v.scopeMark} ${v.outlet}`]];
}
