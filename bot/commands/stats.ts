import type { Topic } from '../../shared/model/types';
import type { DigestStory } from '../notify/types';
import type { Storage } from '../storage/index';
import type { Dialect } from '../storage/index';
import { byteOrder } from '../storage/sql';
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

function where(f: CoverageFilter, dialect: Dialect): { sql: string; params: unknown[] } {
  const parts = ['a.relevant = 1', `${DATED} >= ?`];
  const params: unknown[] = [toIso(f.since)];
  if (f.until !== undefined) {
    parts.push(`${DATED} < ?`);
    params.push(toIso(f.until));
  }
  if (f.topics?.length) {
    parts.push(`EXISTS (SELECT 1 FROM ${topicsOf(dialect)} WHERE t.value IN (${f.topics.map(() => '?').join(', ')}))`);
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
export async function coverageCounts(storage: Storage, f: CoverageFilter): Promise<CoverageCounts> {
  const w = where(f, storage.dialect);
  const row = await storage.db.get<CoverageCounts>(
    `SELECT count(*) AS articles,
            count(DISTINCT coalesce('s' || a.story_id, 'a' || a.id)) AS stories,
            coalesce(sum(CASE WHEN a.scope = 'domestic' THEN 1 ELSE 0 END), 0) AS domestic,
            coalesce(sum(CASE WHEN a.scope = 'international' THEN 1 ELSE 0 END), 0) AS international
     FROM articles a ${w.sql}`,
    w.params,
  );
  return row!;
}

export function topOutlets(storage: Storage, f: CoverageFilter, limit = 5): Promise<Array<{ outlet: string; count: number }>> {
  const w = where(f, storage.dialect);
  return storage.db.all(
    `SELECT a.outlet AS outlet, count(*) AS count FROM articles a ${w.sql} GROUP BY a.outlet ORDER BY count DESC, a.outlet${byteOrder(storage.dialect)} LIMIT ?`,
    [...w.params, limit],
  );
}

/** `t.value` over the article's JSON topics (the JSON is text on both backends). */
function topicsOf(dialect: Dialect): string {
  return dialect === 'postgres' ? 'json_array_elements_text(a.topics::json) AS t(value)' : 'json_each(a.topics) t';
}

export function topicCounts(storage: Storage, f: CoverageFilter): Promise<Array<{ topic: Topic; count: number }>> {
  const w = where(f, storage.dialect);
  return storage.db.all(
    `SELECT t.value AS topic, count(*) AS count FROM articles a, ${topicsOf(storage.dialect)} ${w.sql} GROUP BY t.value ORDER BY count DESC, t.value${byteOrder(storage.dialect)}`,
    w.params,
  );
}

/** The stories most outlets carried in the period (then the most articles), first article's title and link. */
export async function topStories(storage: Storage, f: CoverageFilter, limit = 5): Promise<DigestStory[]> {
  const w = where(f, storage.dialect);
  // min(story_id) is the group's story (one per group); PostgreSQL wants it aggregated.
  const rows = await storage.db.all<{ storyId: number | null; firstId: number; articles: number }>(
    `SELECT min(a.story_id) AS "storyId", min(a.id) AS "firstId", count(*) AS articles, count(DISTINCT a.outlet) AS outlets
     FROM articles a ${w.sql}
     GROUP BY coalesce('s' || a.story_id, 'a' || a.id)
     ORDER BY outlets DESC, articles DESC, "firstId" LIMIT ?`,
    [...w.params, limit],
  );
  const out: DigestStory[] = [];
  for (const r of rows) {
    const first = (await storage.articles.get(r.firstId))!;
    out.push({
      title: first.title,
      url: first.url ?? first.canonicalUrl,
      outlets: r.storyId === null ? [first.outlet] : await storage.stories.outletsOf(r.storyId),
      articles: r.articles,
    });
  }
  return out;
}
