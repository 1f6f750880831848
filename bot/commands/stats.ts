import type { Topic } from '../../shared/model/types';
import type { DigestStory } from '../notify/types';
import type { Storage } from '../storage/index';
import { toIso } from '../storage/iso';

/** Relevant articles dated in [since, until), optionally only some topics and a minimum score. */
export interface CoverageFilter {
  since: string;
  /** Exclusive; default no upper bound. */
  until?: string;
  /** Any of these; empty or absent: all. */
  topics?: readonly Topic[];
  minScore?: number | null;
}

export interface CoverageCounts {
  articles: number;
  /** Distinct stories; an article outside any story counts as its own. */
  stories: number;
  domestic: number;
  international: number;
}

// The date expression matches the covering index bot/api added (migration 2).
const DATED = 'coalesce(a.published, a.fetched_at)';

function where(f: CoverageFilter): { sql: string; params: unknown[] } {
  const parts = ['a.relevant = 1', `${DATED} >= ?`];
  const params: unknown[] = [toIso(f.since)];
  if (f.until !== undefined) {
    parts.push(`${DATED} < ?`);
    params.push(toIso(f.until));
  }
  if (f.topics?.length) {
    parts.push(`EXISTS (SELECT 1 FROM json_each(a.topics) t WHERE t.value IN (${f.topics.map(() => '?').join(', ')}))`);
    params.push(...f.topics);
  }
  if (f.minScore !== undefined && f.minScore !== null) {
    parts.push('a.score >= ?');
    params.push(f.minScore);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

/**
 * Read-only coverage queries for /coverage and the digests. They span articles and stories in
 * ways the entity repositories do not offer, so they are written here against storage.db.
 */
export function coverageCounts(storage: Storage, f: CoverageFilter): CoverageCounts {
  const w = where(f);
  const row = storage.db
    .prepare(
      `SELECT count(*) AS articles,
              count(DISTINCT coalesce('s' || a.story_id, 'a' || a.id)) AS stories,
              coalesce(sum(a.scope = 'domestic'), 0) AS domestic,
              coalesce(sum(a.scope = 'international'), 0) AS international
       FROM articles a ${w.sql}`,
    )
    .get(...w.params) as CoverageCounts;
  return row;
}

export function topOutlets(storage: Storage, f: CoverageFilter, limit = 5): Array<{ outlet: string; count: number }> {
  const w = where(f);
  return storage.db
    .prepare(`SELECT a.outlet AS outlet, count(*) AS count FROM articles a ${w.sql} GROUP BY a.outlet ORDER BY count DESC, outlet LIMIT ?`)
    .all(...w.params, limit) as Array<{ outlet: string; count: number }>;
}

export function topicCounts(storage: Storage, f: CoverageFilter): Array<{ topic: Topic; count: number }> {
  const w = where(f);
  return storage.db
    .prepare(`SELECT t.value AS topic, count(*) AS count FROM articles a, json_each(a.topics) t ${w.sql} GROUP BY t.value ORDER BY count DESC, topic`)
    .all(...w.params) as Array<{ topic: Topic; count: number }>;
}

/** The stories most outlets carried in the period (then the most articles), first article's title and link. */
export function topStories(storage: Storage, f: CoverageFilter, limit = 5): DigestStory[] {
  const w = where(f);
  const rows = storage.db
    .prepare(
      `SELECT a.story_id AS storyId, min(a.id) AS firstId, count(*) AS articles, count(DISTINCT a.outlet) AS outlets
       FROM articles a ${w.sql}
       GROUP BY coalesce('s' || a.story_id, 'a' || a.id)
       ORDER BY outlets DESC, articles DESC, firstId LIMIT ?`,
    )
    .all(...w.params, limit) as Array<{ storyId: number | null; firstId: number; articles: number }>;
  return rows.map((r) => {
    const first = storage.articles.get(r.firstId)!;
    return {
      title: first.title,
      url: first.url ?? first.canonicalUrl,
      outlets: r.storyId === null ? [first.outlet] : storage.stories.outletsOf(r.storyId),
      articles: r.articles,
    };
  });
}
