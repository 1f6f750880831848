/**
 * Stories (GET /api/stories): copies of one report across outlets, each with its articles and
 * the outlets in the order they carried it. A story is listed when at least one of its
 * articles matches the filter; it is then shown whole (up to 100 articles), with how many of
 * its articles matched. An article not grouped into a story is a story of its own (id null),
 * as coverage counts it, so `total` here equals coverage's `stories` for the same query.
 */
import type { SqlDb } from '../storage';
import { ARTICLE_COLUMNS, toApiArticle, type ApiArticle, type ArticleRow } from './articles';
import { DATED, whereClause, type ArticleQuery } from './filters';

const MAX_ARTICLES_PER_STORY = 100;

export interface ApiStory {
  /** Null for an article that is a story of its own (not grouped with others). */
  id: number | null;
  title: string;
  firstSeen: string;
  lastSeen: string;
  /** All its articles, not only those matching the filter. */
  articleCount: number;
  /** Its articles that match the filter (what a count that links here counted). */
  matching: number;
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

/** The story key of an article: its story, or minus its id when it has none (as coverage's STORIES_SQL). */
const STORY_KEY = 'coalesce(a.story_id, -a.id)';

export async function listStories(db: SqlDb, f: ArticleQuery, limit: number, offset: number): Promise<StoryPage> {
  const w = whereClause(db.dialect, f);
  const page = await db.all<{ id: number; matching: number }>(
    `SELECT ${STORY_KEY} AS id, max(${DATED}) AS latest, count(*) AS matching FROM articles a ${w.sql}
     GROUP BY 1 ORDER BY latest DESC, 1 DESC LIMIT ? OFFSET ?`,
    [...w.params, limit, offset],
  );
  const total = (await db.get<{ n: number }>(`SELECT count(DISTINCT ${STORY_KEY}) AS n FROM articles a ${w.sql}`, w.params))!.n;
  if (page.length === 0) return { stories: [], total, limit, offset };

  const ids = page.filter((p) => p.id > 0).map((p) => p.id);
  const singles = page.filter((p) => p.id < 0).map((p) => -p.id);
  const marks = (xs: number[]) => xs.map(() => '?').join(', ');
  const heads = ids.length
    ? await db.all<{ id: number; title: string; first_seen: string; last_seen: string }>(
        `SELECT id, title, first_seen, last_seen FROM stories WHERE id IN (${marks(ids)})`,
        ids,
      )
    : [];
  const members = ids.length
    ? await db.all<ArticleRow & { n: number }>(
        `SELECT ${ARTICLE_COLUMNS}, row_number() OVER (PARTITION BY a.story_id ORDER BY a.dated_at, a.id) AS n
         FROM articles a WHERE a.story_id IN (${marks(ids)}) ORDER BY a.story_id, a.dated_at, a.id`,
        ids,
      )
    : [];
  const single = singles.length
    ? new Map(
        (await db.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id IN (${marks(singles)})`, singles)).map((r) => [
          r.id,
          toApiArticle(r),
        ]),
      )
    : new Map<number, ApiArticle>();
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
  const stories = page.flatMap(({ id, matching }): ApiStory[] => {
    if (id < 0) {
      const a = single.get(-id);
      if (!a) return [];
      const dated = a.published ?? a.fetchedAt;
      return [{ id: null, title: a.title, firstSeen: dated, lastSeen: dated, articleCount: 1, matching, outlets: [a.outlet], relevant: a.relevant, articles: [a] }];
    }
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
        matching,
        outlets: [...new Set(articles.map((a) => a.outlet))],
        relevant: articles.some((a) => a.relevant),
        articles,
      },
    ];
  });
  return { stories, total, limit, offset };
}
