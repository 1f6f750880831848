import { CONCEPTS } from '../../../shared/classify/concepts';
import type { Classification, Topic } from '../../../shared/model/types';

/**
 * Which of the classifier's reasons and topics an alert shows. Reasons come from `classify` as
 * English strings `label: "term", …`, best first, with "despite"/"although" for evidence
 * against. An alert has room for the distinctive ones only: the terms that tie the article to
 * the subject (face recognition, Safe City, a camera procurement) say more than the ones every
 * Serbian article matches (a Serbian town, Serbian wording). The rest stay one command away
 * (/why) or, in Telegram, in a collapsed quote.
 */

const CONCEPT_BY_LABEL = new Map(CONCEPTS.map((c) => [c.label, c]));

/** At most this many reasons in an alert, and this many tags. */
export const MAX_REASONS = 2;
export const MAX_TAGS = 3;

interface ParsedReason {
  reason: string;
  against: boolean;
  topic: Topic | undefined;
}

function parse(reason: string): ParsedReason {
  const m = /^(?:(despite|although) )?(.+?): /s.exec(reason);
  const concept = m ? CONCEPT_BY_LABEL.get(m[2]) : undefined;
  return { reason, against: Boolean(m?.[1]), topic: concept?.topic };
}

/**
 * The reasons an alert shows (at most MAX_REASONS: evidence for the subject first, then other
 * evidence for, in the classifier's order) and the rest, in the classifier's order.
 */
export function splitReasons(c: Pick<Classification, 'reasons'>, max = MAX_REASONS): { shown: string[]; rest: string[] } {
  const parsed = c.reasons.map(parse);
  const ranked = [...parsed.filter((r) => !r.against && r.topic), ...parsed.filter((r) => !r.against && !r.topic)];
  const shown = (ranked.length ? ranked : parsed).slice(0, max).map((r) => r.reason);
  return { shown, rest: c.reasons.filter((r) => !shown.includes(r)) };
}

/**
 * The topics worth a tag (at most MAX_TAGS): those whose terms are among the reasons for the
 * article, strongest first. A topic that only a stray word touched (one mention of a
 * procurement in a police story) is not among the reasons and gets no tag. When no reason
 * names a topic, the classifier's first topic stands in.
 */
export function meaningfulTopics(c: Pick<Classification, 'reasons' | 'topics'>, max = MAX_TAGS): Topic[] {
  const out: Topic[] = [];
  for (const r of c.reasons.map(parse)) {
    if (!r.against && r.topic && c.topics.includes(r.topic) && !out.includes(r.topic)) out.push(r.topic);
  }
  if (out.length === 0 && c.topics.length) out.push(c.topics[0]);
  return out.slice(0, max);
}
