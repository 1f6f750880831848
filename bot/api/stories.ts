/**
 * Stories (GET /api/stories): copies of one report across outlets, each with its articles and
 * the outlets in the order they carried it. A story is listed when at least one of its
 * articles matches the filter; it is then shown whole (up to 100 articles).
 */
import type { SqlDb } from '../storage/index';
import { ARTICLE_COLUMNS, toApiArticle, type ApiArticle, type ArticleRow } from './articles';
import { DATED, whereClause, type ArticleQuery } from './filters';

const MAX_ARTICLES_PER_STORY = 100;

export interface ApiStory {
  id: number;
  title: string;
  firstSeen: string;
  lastSeen: string;
  /** All its articles, not only those matching the filter. */
  articleCount: number;
  outlets: string[];
  /** Whether any of its articles is relevant. */
  relevant: boolean;
  articles: ApiArticle[];
}

export interface StoryPage {
  stories: ApiStory[];
  total: number;
  limit: number;
  offset: number;
}

export async function listStories(db: SqlDb, f: ArticleQuery, limit: number, offset: number): Promise<StoryPage> {
  const w = whereClause(db.dialect, f, [{ sql: 'a.story_id IS NOT NULL', params: [] }]);
  const page = await db.all<{ id: number }>(
    `SELECT a.story_id AS id, max(${DATED}) AS latest FROM articles a ${w.sql}
     GROUP BY a.story_id ORDER BY latest DESC, a.story_id DESC LIMIT ? OFFSET ?`,
    [...w.params, limit, offset],
  );
  const total = (await db.get<{ n: number }>(`SELECT count(DISTINCT a.story_id) AS n FROM articles a ${w.sql}`, w.params))!.n;
  if (page.length === 0) return { stories: [], total, limit, offset };

  const ids = page.map((p) => p.id);
  const marks = ids.map(() => '?').join(', ');
  const heads = await db.all<{ id: number; title: string; first_seen: string; last_seen: string }>(
    `SELECT id, title, first_seen, last_seen FROM stories WHERE id IN (${marks})`,
    ids,
  );
  const members = await db.all<ArticleRow & { n: number }>(
    `SELECT ${ARTICLE_COLUMNS}, row_number() OVER (PARTITION BY a.story_id ORDER BY a.dated_at, a.id) AS n
     FROM articles a WHERE a.story_id IN (${marks}) ORDER BY a.story_id, a.dated_at, a.id`,
    ids,
  );
  const counts = new Map<number, number>();
  const byStory = new Map<number, ApiArticle[]>();
  for (const m of members) {
    counts.set(m.story_id!, m.n);
    if (m.n > MAX_ARTICLES_PER_STORY) continue;
    const list = byStory.get(m.story_id!) ?? [];
    list.push(toApiArticle(m));
    byStory.set(m.story_id!, list);
  }
  const headById = new Map(heads.map((h) => [h.id, h]));
  const stories = ids.flatMap((id): ApiStory[] => {
    const head = headById.get(id);
    if (!head) return [];
    const articles = byStory.get(id) ?? [];
    return [
      {
        id,
        title: head.title,
        firstSeen: head.first_seen,
        lastSeen: head.last_seen,
        articleCount: counts.get(id) ?? articles.length,
        outlets: [...new Set(articles.map((a) => a.outlet))],
        relevant: articles.some((a) => a.relevant),
        articles,
      },
    ];
  });
  return { stories, total, limit, offset };
}
