/**
 * What the content script decided about the page, kept for the popup (which asks with a
 * `get-verdict` message) and for the toolbar badge.
 */
import type { Classification } from '../../shared/model/types';
import type { UiLang } from '../../shared/context/localize';
import type { VerdictReport } from './messages';

export function toVerdictReport(c: Classification, uiLang: UiLang): VerdictReport {
  return {
    relevant: c.relevant,
    score: Math.min(1, Math.max(0, c.score)),
    topics: [...c.topics],
    reasons: c.reasons.slice(0, 12).map((r) => r.slice(0, 300)),
    uiLang,
  };
}
