/**
 * Importing an organisation's archive: past coverage from CSV, JSONL or JSON (the API's own
 * export reads back in), and feed lists from OPML. Articles go through the reader's processor
 * like feed items (classified, de-duplicated, grouped into stories) but never alert: an
 * archive is history, not news. Feeds are added to a feeds file for FEEDS_FILE and, unless
 * asked not to, read once now so their current items are stored too.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { stringify as toYaml } from 'yaml';
import type { FeedEntry } from '../../shared/model/types';
import { validateFeeds } from '../feeds/registry';
import { fnv1a64 } from '../reader/normalize';
import { createProcessor, type IncomingItem } from '../reader/processor';
import type { Storage } from '../storage';
import { CsvSyntaxError, parseCsv } from './csv';
import { parseOpml, type OpmlDefaults } from './opml';
import { fieldOf, toRecord, type ImportField, type ImportRecord, type RecordDefaults, type RecordProblem } from './records';

export const IMPORT_FORMATS = ['csv', 'jsonl', 'json', 'opml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format a file's extension says, or null. */
export function formatOf(path: string): ImportFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.opml' || ext === '.xml') return 'opml';
  return null;
}

/** A file that cannot be imported at all (unreadable, wrong encoding, no title column...). */
export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ArticleRecords {
  kind: 'articles';
  records: ImportRecord[];
  problems: RecordProblem[];
  /** Columns or keys that are not article fields (e.g. an export's "topics"); ignored. */
  ignored: string[];
}

export interface FeedList {
  kind: 'feeds';
  feeds: FeedEntry[];
  problems: string[];
}

/**
 * Decodes the file: UTF-8 (with or without BOM) unless `encoding` names another (windows-1250
 * for Latin-script Excel files, windows-1251 for Cyrillic). Invalid UTF-8 is an error that
 * says so, rather than a file full of replacement characters.
 */
export function decodeFile(bytes: Buffer, encoding?: string): string {
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    if (!iconv.encodingExists(encoding)) throw new ImportError(`unknown encoding ${JSON.stringify(encoding)}`);
    return iconv.decode(bytes, encoding);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ImportError('the file is not UTF-8; save it as UTF-8, or pass --encoding windows-1250 (Latin) or windows-1251 (Cyrillic)');
  }
}

/** Maps object keys (or CSV headers) to article fields. */
function mapFields(obj: Record<string, unknown>, ignored: Set<string>): Partial<Record<ImportField, unknown>> {
  const out: Partial<Record<ImportField, unknown>> = {};
  for (const [k, v] of Object.entries(obj)) {
    const f = fieldOf(k);
    if (f === null) ignored.add(k);
    else if (out[f] === undefined || out[f] === '') out[f] = v;
  }
  return out;
}

export function recordsFromCsv(text: string, defaults: RecordDefaults = {}): ArticleRecords {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new ImportError(`not valid CSV${err.line ? ` (line ${err.line})` : ''}: ${err.message}`);
    throw err;
  }
  if (rows.length === 0) throw new ImportError('the file is empty');
  const header = rows[0].cells.map((h) => h.trim());
  const fields = header.map(fieldOf);
  if (!fields.includes('title')) {
    throw new ImportError(`no title column in the header (${header.map((h) => JSON.stringify(h)).join(', ')}); name one "title" or "naslov"`);
  }
  const ignored = header.filter((_, i) => fields[i] === null);
  const records: ImportRecord[] = [];
  const problems: RecordProblem[] = [];
  for (const row of rows.slice(1)) {
    const values: Partial<Record<ImportField, unknown>> = {};
    fields.forEach((f, i) => {
      if (f !== null && (values[f] === undefined || values[f] === '')) values[f] = row.cells[i] ?? '';
    });
    const r = toRecord(values, row.line, defaults);
    if ('record' in r) records.push(r.record);
    else problems.push(...r.problems);
  }
  return { kind: 'articles', records, problems, ignored };
}

export function recordsFromJsonl(text: string, defaults: RecordDefaults = {}): ArticleRecords {
  const records: ImportRecord[] = [];
  const problems: RecordProblem[] = [];
  const ignored = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (err) {
      problems.push({ line: i + 1, field: 'line', message: `not valid JSON: ${(err as Error).message}` });
      return;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      problems.push({ line: i + 1, field: 'line', message: 'must be a JSON object' });
      return;
    }
    const r = toRecord(mapFields(obj as Record<string, unknown>, ignored), i + 1, defaults);
    if ('record' in r) records.push(r.record);
    else problems.push(...r.problems);
  });
  return { kind: 'articles', records, problems, ignored: [...ignored] };
}

/** A JSON array of articles, or `{ "articles": [...] }` as GET /api/export.json writes it. */
export function recordsFromJson(text: string, defaults: RecordDefaults = {}): ArticleRecords {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`not valid JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { articles?: unknown })?.articles;
  if (!Array.isArray(list)) throw new ImportError('expected a JSON array of articles, or an object with an "articles" array');
  const records: ImportRecord[] = [];
  const problems: RecordProblem[] = [];
  const ignored = new Set<string>();
  list.forEach((obj: unknown, i) => {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      problems.push({ line: i + 1, field: 'item', message: 'must be a JSON object' });
      return;
    }
    const r = toRecord(mapFields(obj as Record<string, unknown>, ignored), i + 1, defaults);
    if ('record' in r) records.push(r.record);
    else problems.push(...r.problems);
  });
  return { kind: 'articles', records, problems, ignored: [...ignored] };
}

export interface ReadOptions {
  format?: ImportFormat;
  encoding?: string;
  defaults?: RecordDefaults & OpmlDefaults;
}

/** Reads and parses an import file by its format (from the extension unless given). */
export function readImportFile(path: string, options: ReadOptions = {}): ArticleRecords | FeedList {
  const format = options.format ?? formatOf(path);
  if (!format) throw new ImportError(`cannot tell the format of ${path} from its extension; pass --format ${IMPORT_FORMATS.join('|')}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ImportError(`cannot read ${path}: ${(err as Error).message}`);
  }
  const text = decodeFile(bytes, options.encoding);
  const defaults = options.defaults ?? {};
  if (format === 'csv') return recordsFromCsv(text, defaults);
  if (format === 'jsonl') return recordsFromJsonl(text, defaults);
  if (format === 'json') return recordsFromJson(text, defaults);
  const { feeds, problems } = parseOpml(text, defaults);
  return { kind: 'feeds', feeds, problems };
}

/** Where imported articles go; `processorSink` in production, anything in tests. */
export interface ImportSink {
  add(record: ImportRecord): { duplicate: boolean; relevant: boolean };
}

export interface ImportSummary {
  read: number;
  stored: number;
  duplicates: number;
  relevant: number;
}

/**
 * The reader's processor with no alert targets: records are classified, de-duplicated (by
 * URL and by text, also against what the feeds already brought) and grouped into stories.
 */
export function processorSink(storage: Storage): ImportSink {
  const processor = createProcessor({ storage, targetsFor: () => [] });
  return {
    add(r) {
      const item: IncomingItem = {
        id: r.url ?? `urn:nadzor:import:${fnv1a64(`${r.outlet}\n${r.title}\n${r.published}`)}`,
        url: r.url,
        title: r.title,
        summary: r.text,
        content: '',
        published: r.published,
        updated: null,
        author: null,
        enclosures: [],
      };
      const o = processor.processItem({ url: null, outlet: r.outlet, scope: r.scope, language: r.lang ?? null }, item, true);
      return { duplicate: o.duplicate, relevant: o.relevant };
    },
  };
}

/** Feeds every record to the sink, reporting progress after each. */
export function importRecords(records: readonly ImportRecord[], sink: ImportSink, onProgress?: (done: number, total: number) => void): ImportSummary {
  const summary: ImportSummary = { read: records.length, stored: 0, duplicates: 0, relevant: 0 };
  records.forEach((r, i) => {
    const o = sink.add(r);
    if (o.duplicate) summary.duplicates++;
    else {
      summary.stored++;
      if (o.relevant) summary.relevant++;
    }
    onProgress?.(i + 1, records.length);
  });
  return summary;
}

export interface MergedFeeds {
  /** The current list followed by the new feeds, validated like a FEEDS_FILE. */
  feeds: FeedEntry[];
  added: FeedEntry[];
  /** Feeds of the OPML file that the current list already has. */
  known: number;
}

/** Adds the OPML feeds that are not in `current` (compared by URL). */
export function mergeFeeds(current: readonly FeedEntry[], imported: readonly FeedEntry[]): MergedFeeds {
  const have = new Set(current.map((f) => new URL(f.url).href));
  const added = imported.filter((f) => !have.has(new URL(f.url).href));
  const feeds = validateFeeds([...current, ...added].map((f) => ({ ...f })), 'imported feeds');
  return { feeds, added, known: imported.length - added.length };
}

/** A feeds file (YAML) that FEEDS_FILE can point at. */
export function feedsYaml(feeds: readonly FeedEntry[]): string {
  return `# Feeds for FEEDS_FILE, written by \`npm run import\`. Each entry: outlet, url, language, script (Latn|Cyrl), scope (domestic|international), homepage.\n${toYaml(feeds)}`;
}
