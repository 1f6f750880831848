/**
 * What the opened panel shows, chosen from the campaign knowledge (shared/context) for the
 * article's topics: the newest events first, the date the knowledge runs to, and the sources
 * behind what is shown. Pure functions, tested without a DOM.
 */
import { figures } from '../../shared/context/figures';
import { eventsForTopics, type TimelineMatch } from '../../shared/context/select';
import { timeline } from '../../shared/context/timeline';
import type { Entry, PartialDate, Source } from '../../shared/context/types';
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

/**
 * At most `max` characters of `text` for a popover: the first sentence when it fits, else the
 * text cut at a word boundary with "…". `more` says whether anything was left out.
 */
export function shortText(text: string, max = 160): { short: string; more: boolean } {
  const t = text.trim();
  if (t.length <= max) return { short: t, more: false };
  const sentence = /^.+?[.!?](?=\s|$)/.exec(t)?.[0];
  if (sentence && sentence.length <= max && sentence.length >= max / 3) return { short: sentence, more: true };
  const hard = t.slice(0, max - 1);
  const soft = hard.replace(/\s+\S*$/, '');
  return { short: (soft.length >= max * 0.6 ? soft : hard).replace(/[\s,;:]+$/, '') + '…', more: true };
}

/** Related coverage as the panel lists it: one article per story (same title), newest first. */
export function relatedForPanel<T extends { title: string; published: string | null }>(articles: readonly T[]): T[] {
  const key = (title: string) => title.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const byStory = new Map<string, T>();
  for (const a of articles) {
    const k = key(a.title);
    const kept = byStory.get(k);
    if (!kept || (a.published ?? '') > (kept.published ?? '')) byStory.set(k, a);
  }
  return [...byStory.values()].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
}
