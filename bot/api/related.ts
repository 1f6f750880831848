/**
 * Related coverage for the browser extension (GET /api/related). The extension classifies the
 * page locally and sends only what that gives: topics and a few title terms, never the page's
 * URL. The answer is the relevant articles that best share them, one per story.
 *
 * Ranking, each part in 0..1: topic overlap (shared topics / asked topics) 0.4, terms found
 * in the title 0.3 (in the text only: half), recency 0.15 (halves every 180 days), the
 * classifier's score 0.1, the asked language 0.05. Candidates are the best 300 text matches
 * of the terms and the newest 300 relevant articles sharing a topic, so the cost does not grow
 * with the database.
 */
import type { SqlDb } from '../storage/index';
import type { Topic } from '../../shared/model/types';
import { foldedWords } from '../orgs';
import { ARTICLE_COLUMNS, toApiArticle, type ArticleRow } from './articles';
import { DATED } from './filters';
import { ftsToTsquery, searchPrefixes } from './search-index';

export interface RelatedQuery {
  topics: Topic[];
  /** Title terms as the page shows them; folded and stemmed here (see searchPrefixes). */
  terms: string[];
  lang?: string;
  limit: number;
  now: Date;
}

export interface RelatedArticle {
  title: string;
  url: string | null;
  outlet: string;
  published: string | null;
  /** The classifier's relevance score. */
  score: number;
  topics: Topic[];
  /** How well it matches the request, 0..1; the list is sorted by it. */
  relatedness: number;
}

const CANDIDATES = 300;
const HALF_LIFE_DAYS = 180;

export async function related(db: SqlDb, q: RelatedQuery): Promise<{ articles: RelatedArticle[] }> {
  const terms = [...new Set(q.terms.flatMap((t) => searchPrefixes(t)).filter((t) => t.length >= 2))].slice(0, 20);
  const ids = new Set<number>();
  if (terms.length) {
    const expr = terms.map((t) => `"${t}"*`).join(' OR ');
    const hits =
      db.dialect === 'postgres'
        ? await db.all<{ id: number }>(
            `SELECT s.article_id AS id FROM article_search s JOIN articles a ON a.id = s.article_id,
               to_tsquery('simple', ?) AS q
             WHERE s.doc @@ q AND a.relevant = 1 ORDER BY ts_rank(s.doc, q) DESC, s.article_id DESC LIMIT ?`,
            [ftsToTsquery(expr), CANDIDATES],
          )
        : await db.all<{ id: number }>(
            `SELECT s.rowid AS id FROM article_search s JOIN articles a ON a.id = s.rowid
             WHERE article_search MATCH ? AND a.relevant = 1 ORDER BY s.rank LIMIT ?`,
            [expr, CANDIDATES],
          );
    for (const h of hits) ids.add(h.id);
  }
  if (q.topics.length) {
    const marks = q.topics.map(() => '?').join(', ');
    const topics =
      db.dialect === 'postgres' ? 'json_array_elements_text(a.topics::json) AS t(value)' : 'json_each(a.topics) t';
    const hits = await db.all<{ id: number }>(
      `SELECT a.id FROM articles a WHERE a.relevant = 1
       AND EXISTS (SELECT 1 FROM ${topics} WHERE t.value IN (${marks}))
       ORDER BY ${DATED} DESC LIMIT ?`,
      [...q.topics, CANDIDATES],
    );
    for (const h of hits) ids.add(h.id);
  }
  if (ids.size === 0) return { articles: [] };

  const list = [...ids];
  const rows = await db.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS}, a.text FROM articles a WHERE a.id IN (${list.map(() => '?').join(', ')})`, list);

  const now = q.now.getTime();
  const scored = rows.map((r) => {
    const a = toApiArticle(r);
    const titleWords = foldedWords(a.title);
    let textWords: Set<string> | null = null;
    let termScore = 0;
    for (const t of terms) {
      if (titleWords.some((w) => w.startsWith(t))) termScore += 1;
      else {
        textWords ??= new Set(foldedWords(r.text ?? ''));
        if ([...textWords].some((w) => w.startsWith(t))) termScore += 0.5;
      }
    }
    const topicScore = q.topics.length ? q.topics.filter((t) => a.topics.includes(t)).length / q.topics.length : 0;
    const ageDays = Math.max(0, (now - Date.parse(r.dated)) / 86_400_000);
    const relatedness =
      0.4 * topicScore +
      0.3 * (terms.length ? termScore / terms.length : 0) +
      0.15 * Math.pow(0.5, ageDays / HALF_LIFE_DAYS) +
      0.1 * a.score +
      (q.lang !== undefined && a.lang === q.lang ? 0.05 : 0);
    return { a, relatedness: Math.round(relatedness * 1000) / 1000, dated: r.dated };
  });
  scored.sort((x, y) => y.relatedness - x.relatedness || y.dated.localeCompare(x.dated) || y.a.id - x.a.id);

  const seenStories = new Set<number>();
  const out: RelatedArticle[] = [];
  for (const { a, relatedness } of scored) {
    if (a.storyId !== null) {
      if (seenStories.has(a.storyId)) continue;
      seenStories.add(a.storyId);
    }
    out.push({ title: a.title, url: a.url, outlet: a.outlet, published: a.published, score: a.score, topics: a.topics, relatedness });
    if (out.length >= q.limit) break;
  }
  return { articles: out };
}
