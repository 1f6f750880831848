/**
 * Picking the context that fits an article: the classifier reports topics, and entries that
 * share more of them come first.
 */
import { timeline } from './timeline';
import type { Entry, TimelineEvent, Topic } from './types';

/** A timeline event marked with whether it shares a topic with the article. */
export type TimelineMatch = TimelineEvent & { matches: boolean };

/** An entry with the number of topics it shares with the article. */
export type Ranked<T extends Entry> = T & { overlap: number };

/** How many of `topics` the entry carries. */
export function topicOverlap(entry: Entry, topics: readonly Topic[]): number {
  let n = 0;
  for (const t of new Set(topics)) if (entry.topics.includes(t)) n++;
  return n;
}

/**
 * The whole timeline, in date order, each event marked `matches` when it shares at least one
 * topic with `topics`: the panel shows the full story and highlights the relevant part.
 */
export function eventsForTopics(topics: readonly Topic[]): TimelineMatch[] {
  return timeline.map((event) => ({ ...event, matches: topicOverlap(event, topics) > 0 }));
}

export interface RankOptions {
  /** At most this many entries. Default: all. */
  limit?: number;
  /** Keep entries that share no topic (ranked last). Default: false. */
  includeUnmatched?: boolean;
}

/**
 * Figures, legal references, actions (any entries) ranked by how many topics they share with
 * `topics`. Ties go to the more specific entry (the larger share of its own topics matched),
 * then to the order of the source list, so the result is stable.
 */
export function entriesForTopics<T extends Entry>(
  entries: readonly T[],
  topics: readonly Topic[],
  options: RankOptions = {},
): Array<Ranked<T>> {
  const ranked = entries
    .map((entry, index) => {
      const overlap = topicOverlap(entry, topics);
      return { entry, index, overlap, share: overlap / entry.topics.length };
    })
    .filter((r) => options.includeUnmatched === true || r.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap || b.share - a.share || a.index - b.index)
    .map((r): Ranked<T> => ({ ...r.entry, overlap: r.overlap }));
  return options.limit === undefined ? ranked : ranked.slice(0, Math.max(0, options.limit));
}
