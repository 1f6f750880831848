/**
 * Exports (GET /api/export.csv and /api/export.json): the articles, coverage or mentions of
 * any query, for reports. Articles are written in batches as the client reads them, so an
 * export of the whole archive neither builds one huge string nor holds the database busy.
 *
 * CSV is report-ready: headers and values in the interface language (`ui`), the separator a
 * spreadsheet in that locale expects (`sep`), dates in Belgrade time without milliseconds, and
 * dense coverage and mention rows: every bucket of the period, zero ones included, with
 * partial first and last buckets marked.
 */
import type { SqlDb } from '../storage/index';
import type { TrackedOrg } from '../orgs';
import { articleBatches, type ApiArticle } from './articles';
import { coverage, type CoverageQuery } from './coverage';
import { localIsoOf } from './belgrade';
import { BOM, csvLineWith, type Cell, type CsvSeparator } from './csv';
import type { ArticleQuery } from './filters';
import { mentions, type MentionsQuery } from './mentions';
import { reportWords, type ReportLang, type ReportWords } from './report-words';

export const EXPORT_TYPES = ['articles', 'coverage', 'mentions'] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];
export type ExportFormat = 'csv' | 'json';

/** At most this many articles in one export. */
export const MAX_EXPORT_ARTICLES = 200_000;

const ARTICLE_HEADER = ['id', 'published', 'fetched', 'outlet', 'scope', 'lang', 'script', 'relevant', 'score', 'topics', 'reasons', 'story', 'title', 'url'] as const;

function articleCells(a: ApiArticle, withText: boolean, w: ReportWords): Cell[] {
  const cells: Cell[] = [
    a.id,
    localIsoOf(a.published),
    localIsoOf(a.fetchedAt),
    a.outlet,
    w.scope(a.scope),
    w.language(a.lang),
    w.script(a.script),
    w.yesNo(a.relevant),
    w.decimal(a.score),
    a.topics.map(w.topic).join('; '),
    w.reasons(a.reasons).join('; '),
    a.storyId,
    a.title,
    a.url,
  ];
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
  /** CSV: the language of headers and values (default en). */
  ui?: ReportLang;
  /** CSV: the field separator (default: semicolon for Serbian, comma for English). */
  separator?: CsvSeparator;
}

/** The default separator for a language: what Excel expects in that locale. */
export function defaultSeparator(ui: ReportLang): CsvSeparator {
  return ui === 'en' ? 'comma' : 'semicolon';
}

function csvOf(r: ExportRequest) {
  const ui = r.ui ?? 'en';
  const sep = r.separator ?? defaultSeparator(ui);
  return { w: reportWords(ui), line: (cells: readonly Cell[]) => csvLineWith(cells, sep) };
}

async function* articlesCsv(db: SqlDb, r: ExportRequest): AsyncGenerator<string> {
  const { w, line } = csvOf(r);
  const header = r.includeText ? [...ARTICLE_HEADER, 'text' as const] : [...ARTICLE_HEADER];
  yield BOM + line(header.map(w.word));
  for await (const batch of articleBatches(db, r.filter, { includeText: r.includeText, max: r.limit ?? MAX_EXPORT_ARTICLES })) {
    yield batch.map((a) => line(articleCells(a, r.includeText === true, w))).join('');
  }
}

async function* articlesJson(db: SqlDb, r: ExportRequest): AsyncGenerator<string> {
  yield '{"articles":[';
  let first = true;
  for await (const batch of articleBatches(db, r.filter, { includeText: r.includeText, max: r.limit ?? MAX_EXPORT_ARTICLES })) {
    // Dates as everywhere in exports: Belgrade time, no milliseconds.
    yield (first ? '' : ',') + batch.map((a) => JSON.stringify({ ...a, published: localIsoOf(a.published), fetchedAt: localIsoOf(a.fetchedAt) })).join(',');
    first = false;
  }
  yield ']}\n';
}

/**
 * The export as a stream of UTF-8 bytes. Coverage and mentions are computed first (they are
 * small), so their errors surface before the response starts.
 */
/** `orgs`: the organisations a mentions export counts; `tracked`: every tracked one (see mentions). */
export async function exportBody(db: SqlDb, orgs: readonly TrackedOrg[], tracked: readonly TrackedOrg[], r: ExportRequest): Promise<ReadableStream<Uint8Array>> {
  if (r.type === 'articles') return streamOf(r.format === 'csv' ? articlesCsv(db, r) : articlesJson(db, r));
  if (r.type === 'coverage') {
    const result = await coverage(db, { ...r.coverage!, rows: true });
    if (r.format === 'json') return streamOf(each([JSON.stringify(result) + '\n']));
    const { w, line } = csvOf(r);
    const partial = new Set(result.partial);
    const by = result.by;
    // Dense: every bucket for every key of the period (the keys of the totals), zeros included.
    const keys = by === null ? ['all'] : result.totals.map((t) => t.key);
    const found = new Map(result.rows.map((row) => [`${row.bucket}\u0000${row.key}`, row]));
    const lines = [BOM + line([w.word('bucket'), w.word('partial'), ...(by ? [w.word(`by.${by}`)] : []), w.word('articles'), w.word('stories')])];
    for (const bucket of result.buckets) {
      for (const key of keys) {
        const row = found.get(`${bucket}\u0000${key}`);
        lines.push(line([bucket, w.yesNo(partial.has(bucket)), ...(by ? [w.key(by, key)] : []), row?.articles ?? 0, row?.stories ?? 0]));
      }
    }
    return streamOf(each(lines));
  }
  const result = await mentions(db, orgs, r.mentions!, tracked);
  if (r.format === 'json') return streamOf(each([JSON.stringify(result) + '\n']));
  const { w, line } = csvOf(r);
  const partial = new Set(result.partial);
  const totalByBucket = new Map(result.total.series.map((s) => [s.bucket, s.articles]));
  const lines = [BOM + line([w.word('bucket'), w.word('partial'), w.word('org'), w.word('articles'), w.word('allArticles'), w.word('share')])];
  for (const org of result.orgs) {
    const byBucket = new Map(org.series.map((s) => [s.bucket, s.articles]));
    const name = r.ui === undefined || r.ui === 'en' ? org.name.en : w.serbian(org.name.sr);
    for (const bucket of result.buckets) {
      const n = byBucket.get(bucket) ?? 0;
      const all = totalByBucket.get(bucket) ?? 0;
      lines.push(line([bucket, w.yesNo(partial.has(bucket)), name, n, all, w.decimal(all ? Math.round((n / all) * 10_000) / 10_000 : 0)]));
    }
  }
  return streamOf(each(lines));
}

/** A file name that says what is in it: nadzor-coverage-week-2025-01-01_2025-03-31.csv. */
export function exportFileName(r: ExportRequest, from?: string, to?: string): string {
  // Belgrade days: the file of 1–31 March is named so, though 1 March starts at 23:00 UTC.
  const day = (iso: string | undefined, fallback: string) => (iso === undefined ? fallback : (localIsoOf(iso) ?? iso).slice(0, 10));
  const period = from || to ? `-${day(from, 'start')}_${day(to, 'now')}` : '';
  const detail = r.type === 'coverage' ? `-${r.coverage!.interval}${r.coverage!.by ? `-by-${r.coverage!.by}` : ''}` : r.type === 'mentions' ? `-${r.mentions!.interval}` : '';
  return `nadzor-${r.type}${detail}${period}.${r.format}`;
}
