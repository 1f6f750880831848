/**
 * Exports (GET /api/export.csv and /api/export.json): the articles, coverage or mentions of
 * any query, for reports. Articles are written in batches as the client reads them, so an
 * export of the whole archive neither builds one huge string nor holds the database busy.
 */
import type { SqlDb } from '../storage/index';
import type { TrackedOrg } from '../orgs';
import { articleBatches, type ApiArticle } from './articles';
import { coverage, type CoverageQuery } from './coverage';
import { BOM, csvLine } from './csv';
import type { ArticleQuery } from './filters';
import { mentions, type MentionsQuery } from './mentions';

export const EXPORT_TYPES = ['articles', 'coverage', 'mentions'] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];
export type ExportFormat = 'csv' | 'json';

/** At most this many articles in one export. */
export const MAX_EXPORT_ARTICLES = 200_000;

const ARTICLE_HEADER = ['id', 'published', 'fetched_at', 'outlet', 'scope', 'lang', 'script', 'relevant', 'score', 'topics', 'reasons', 'story_id', 'title', 'url'];

function articleCells(a: ApiArticle, withText: boolean) {
  const cells = [a.id, a.published, a.fetchedAt, a.outlet, a.scope, a.lang, a.script, a.relevant, a.score, a.topics.join(';'), a.reasons.join('; '), a.storyId, a.title, a.url];
  return withText ? [...cells, a.text ?? ''] : cells;
}

async function* each(items: readonly string[]): AsyncGenerator<string> {
  yield* items;
}

/** A byte stream pulled from a generator of text chunks. */
function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export interface ExportRequest {
  type: ExportType;
  format: ExportFormat;
  /** For articles. */
  filter: ArticleQuery;
  includeText?: boolean;
  limit?: number;
  /** For coverage and mentions. */
  coverage?: CoverageQuery;
  mentions?: MentionsQuery;
}

async function* articlesCsv(db: SqlDb, r: ExportRequest): AsyncGenerator<string> {
  yield BOM + csvLine(r.includeText ? [...ARTICLE_HEADER, 'text'] : ARTICLE_HEADER);
  for await (const batch of articleBatches(db, r.filter, { includeText: r.includeText, max: r.limit ?? MAX_EXPORT_ARTICLES })) {
    yield batch.map((a) => csvLine(articleCells(a, r.includeText === true))).join('');
  }
}

async function* articlesJson(db: SqlDb, r: ExportRequest): AsyncGenerator<string> {
  yield '{"articles":[';
  let first = true;
  for await (const batch of articleBatches(db, r.filter, { includeText: r.includeText, max: r.limit ?? MAX_EXPORT_ARTICLES })) {
    yield (first ? '' : ',') + batch.map((a) => JSON.stringify(a)).join(',');
    first = false;
  }
  yield ']}\n';
}

/**
 * The export as a stream of UTF-8 bytes. Coverage and mentions are computed first (they are
 * small), so their errors surface before the response starts.
 */
export async function exportBody(db: SqlDb, orgs: readonly TrackedOrg[], r: ExportRequest): Promise<ReadableStream<Uint8Array>> {
  if (r.type === 'articles') return streamOf(r.format === 'csv' ? articlesCsv(db, r) : articlesJson(db, r));
  if (r.type === 'coverage') {
    const result = await coverage(db, { ...r.coverage!, rows: true });
    if (r.format === 'json') return streamOf(each([JSON.stringify(result) + '\n']));
    const lines = [BOM + csvLine(['bucket', 'key', 'articles', 'stories']), ...result.rows.map((row) => csvLine([row.bucket, row.key, row.articles, row.stories]))];
    return streamOf(each(lines));
  }
  const result = await mentions(db, orgs, r.mentions!);
  if (r.format === 'json') return streamOf(each([JSON.stringify(result) + '\n']));
  const totalByBucket = new Map(result.total.series.map((s) => [s.bucket, s.articles]));
  const lines = [BOM + csvLine(['bucket', 'org_id', 'org_name', 'articles', 'all_articles', 'share'])];
  for (const org of result.orgs) {
    for (const s of org.series) {
      const all = totalByBucket.get(s.bucket) ?? 0;
      lines.push(csvLine([s.bucket, org.id, org.name.en, s.articles, all, all ? Math.round((s.articles / all) * 10_000) / 10_000 : 0]));
    }
  }
  return streamOf(each(lines));
}

/** A file name that says what is in it: nadzor-coverage-week-2025-01-01_2025-03-31.csv. */
export function exportFileName(r: ExportRequest, from?: string, to?: string): string {
  const period = from || to ? `-${(from ?? 'start').slice(0, 10)}_${(to ?? 'now').slice(0, 10)}` : '';
  const detail = r.type === 'coverage' ? `-${r.coverage!.interval}${r.coverage!.by ? `-by-${r.coverage!.by}` : ''}` : r.type === 'mentions' ? `-${r.mentions!.interval}` : '';
  return `nadzor-${r.type}${detail}${period}.${r.format}`;
}
