import { coverageCounts, topicCounts, topStories, type CoverageFilter } from '../commands/stats';
import type { DigestData } from '../notify/types';
import type { Storage } from '../storage/index';
import type { DigestPeriod } from '../storage/deliveries';
import type { Subscription } from '../storage/subscriptions';

const DAY_MS = 86_400_000;
export const PERIOD_MS: Record<DigestPeriod, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };

/**
 * The digest for the period that ends at `end` (exclusive): counts of relevant articles and
 * distinct stories, domestic vs international, the change from the period just before, the
 * topics and the five stories most outlets carried. Only what the subscription asks for:
 * its topics and minimum score.
 */
export async function buildDigest(
  storage: Storage,
  subscription: Pick<Subscription, 'topics' | 'minScore'>,
  period: DigestPeriod,
  end: Date,
): Promise<DigestData> {
  const length = PERIOD_MS[period];
  const start = new Date(end.getTime() - length);
  const previousStart = new Date(start.getTime() - length);
  const scope = { topics: subscription.topics, minScore: subscription.minScore };
  const current: CoverageFilter = { since: start.toISOString(), until: end.toISOString(), ...scope };
  const previous: CoverageFilter = { since: previousStart.toISOString(), until: start.toISOString(), ...scope };
  const counts = await coverageCounts(storage, current);
  const before = await coverageCounts(storage, previous);
  return {
    period,
    start: start.toISOString(),
    end: end.toISOString(),
    articles: counts.articles,
    stories: counts.stories,
    domestic: counts.domestic,
    international: counts.international,
    previous: { articles: before.articles, stories: before.stories },
    topStories: await topStories(storage, current, 5),
    topics: await topicCounts(storage, current),
  };
}
