/**
 * What the opened panel shows, chosen from the campaign knowledge (shared/context) for the
 * article's topics: the newest events first, the date the knowledge runs to, and the sources
 * behind what is shown. Pure functions, tested without a DOM.
 */
import { actions } from '../../shared/context/actions';
import { figures } from '../../shared/context/figures';
import { law } from '../../shared/context/law';
import { entriesForTopics, eventsForTopics, type TimelineMatch } from '../../shared/context/select';
import { timeline } from '../../shared/context/timeline';
import type { Action, Entry, Figure, LegalReference, PartialDate, Source } from '../../shared/context/types';
import type { Topic } from '../../shared/model/types';

/** Newest first; a partial date ("2024") sorts before a fuller one of the same year. */
const newestFirst = (a: { date: PartialDate }, b: { date: PartialDate }) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/** The `n` latest events that share a topic with the article, newest first. */
export function latestEvents(topics: readonly Topic[], n = 3): TimelineMatch[] {
  return eventsForTopics(topics)
    .filter((e) => e.matches)
    .sort(newestFirst)
    .slice(0, n);
}

/** Every event, newest first: those of the article's topics only, or all with `all`. */
export function allEvents(topics: readonly Topic[], all: boolean): TimelineMatch[] {
  return eventsForTopics(topics)
    .filter((e) => all || e.matches)
    .sort(newestFirst);
}

/** The latest date the campaign knowledge speaks of: its "as of" date. */
export const KNOWLEDGE_AS_OF: PartialDate = [...timeline.map((e) => e.date), ...figures.map((f) => f.asOf)].reduce((a, b) => (b > a ? b : a));

/**
 * A source's title as readers see it: notes meant for the knowledge's editors (a parenthesis
 * about "the seed") never reach the page.
 */
export function readerTitle(source: Source): string {
  return source.title.replace(/\s*\([^)]*\bseeds?\b[^)]*\)/gi, '').trim();
}

/** The distinct sources of `entries`, in order of first use. */
export function sourcesOf(entries: readonly Entry[]): Array<{ title: string; url?: string }> {
  const seen = new Map<string, { title: string; url?: string }>();
  for (const e of entries) {
    for (const s of e.sources) {
      const title = readerTitle(s);
      const key = `${title}|${s.url ?? ''}`;
      if (title && !seen.has(key)) seen.set(key, s.url ? { title, url: s.url } : { title });
    }
  }
  return [...seen.values()];
}

// The text helpers that need no campaign knowledge live in panel-text.ts (the content script's side).
export { relatedForPanel, shortText } from './panel-text';

/**
 * What the opened panel shows for an article's topics, chosen in the extension's background
 * (features/background-panel-content.ts) and sent to the content script as plain data, so the
 * campaign knowledge is not part of the content script. The content script only renders it
 * (features/panel-body.ts).
 */
export interface PanelContent {
  /** The three latest events of the topics, newest first. */
  latest: TimelineMatch[];
  law: LegalReference[];
  figures: Figure[];
  actions: Action[];
  /** The sources of what the sections above show. */
  sources: Array<{ title: string; url?: string }>;
  /** Every event, newest first, marked whether it shares a topic with the article. */
  events: TimelineMatch[];
  /** The date the knowledge runs to. */
  asOf: PartialDate;
}

const LATEST = 3;
const FIGURE_LIMIT = 3;
const LAW_LIMIT = 2;
const ACTION_LIMIT = 3;

export function selectPanelContent(topics: readonly Topic[]): PanelContent {
  const latest = latestEvents(topics, LATEST);
  const legal = entriesForTopics(law, topics, { limit: LAW_LIMIT });
  const keyFigures = entriesForTopics(figures, topics, { limit: FIGURE_LIMIT });
  const todo = entriesForTopics(actions, topics, { limit: ACTION_LIMIT });
  return {
    latest,
    law: legal,
    figures: keyFigures,
    actions: todo,
    sources: sourcesOf([...latest, ...legal, ...keyFigures, ...todo]),
    events: allEvents(topics, true),
    asOf: KNOWLEDGE_AS_OF,
  };
}
