/**
 * One imported article, from a CSV row or a JSON object: field names in English or Serbian
 * (either script), dates in ISO or the Serbian "27.03.2025." form, problems reported by line
 * and field rather than thrown.
 */
import type { Scope } from '../../shared/model/types';
import { fold } from '../../shared/text/fold';
import { parseDate } from '../reader/dates';
import { canonicalUrl } from '../reader/normalize';

/** What the importer hands to the processor. */
export interface ImportRecord {
  title: string;
  /** Canonical http(s) URL, or null (print, TV). */
  url: string | null;
  text: string;
  outlet: string;
  scope: Scope;
  /** ISO UTC. */
  published: string;
  lang?: string;
}

export type ImportField = 'title' | 'url' | 'text' | 'outlet' | 'scope' | 'published' | 'lang';

/**
 * Accepted column names, compared after fold() (so "Naslov", "NASLOV" and "Наслов" are one).
 * The export's own columns (id, relevant, topics, ...) are simply not among them.
 */
const ALIASES: Record<ImportField, string[]> = {
  title: ['title', 'headline', 'naslov'],
  url: ['url', 'link', 'href', 'adresa', 'veza'],
  text: ['text', 'summary', 'lead', 'body', 'content', 'description', 'tekst', 'sazetak', 'opis', 'sadrzaj'],
  outlet: ['outlet', 'source', 'media', 'medium', 'publication', 'medij', 'izvor', 'mediji'],
  scope: ['scope', 'vrsta', 'obuhvat'],
  published: ['published', 'date', 'published_at', 'pubdate', 'datum', 'objavljeno', 'vreme'],
  lang: ['lang', 'language', 'jezik'],
};

const BY_ALIAS = new Map<string, ImportField>();
for (const [field, names] of Object.entries(ALIASES) as Array<[ImportField, string[]]>) for (const n of names) BY_ALIAS.set(n, field);

/** The field a column or key name stands for, or null when it is not one we read. */
export function fieldOf(name: string): ImportField | null {
  return BY_ALIAS.get(fold(name.trim()).replace(/[\s-]+/g, '_')) ?? null;
}

export interface RecordDefaults {
  /** For records without an outlet (a file from one outlet). */
  outlet?: string;
  /** Default 'domestic'. */
  scope?: Scope;
  lang?: string;
}

const SCOPE_WORDS: Record<string, Scope> = {
  domestic: 'domestic', international: 'international',
  domaci: 'domestic', domace: 'domestic', strani: 'international', strane: 'international',
  medjunarodni: 'international', inostrani: 'international', foreign: 'international', local: 'domestic',
};

/**
 * Europe/Belgrade wall-clock time to UTC. Archives written by people give local times; the
 * zone's offset (CET or CEST) is read from Intl for that instant.
 */
export function belgradeToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const offsetAt = (ms: number) => {
    const name = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Belgrade', timeZoneName: 'longOffset' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}

function validCalendar(y: number, mo: number, d: number): boolean {
  const c = new Date(Date.UTC(y, mo - 1, d));
  return mo >= 1 && mo <= 12 && c.getUTCMonth() === mo - 1 && c.getUTCDate() === d;
}

/**
 * A publication date as ISO UTC, or null. Accepts ISO dates and date-times (a time without a
 * zone is Belgrade time), "27.03.2025." / "27.3.2025 14:05", and whatever the feed date parser
 * reads (RFC 822 and friends). A bare date becomes noon UTC, which is that same calendar day in
 * Belgrade, so it lands in the right day bucket.
 */
export function parseImportDate(value: string): string | null {
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return validCalendar(+m[1], +m[2], +m[3]) ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12)).toISOString() : null;
  m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?(?:\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/.exec(s);
  if (m) {
    const [d, mo, y] = [+m[1], +m[2], +m[3]];
    if (!validCalendar(y, mo, d)) return null;
    if (m[4] === undefined) return new Date(Date.UTC(y, mo - 1, d, 12)).toISOString();
    const [h, mi, sec] = [+m[4], +m[5], m[6] ? +m[6] : 0];
    return h < 24 && mi < 60 && sec < 60 ? belgradeToUtc(y, mo, d, h, mi, sec).toISOString() : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(s);
  if (m) {
    if (!validCalendar(+m[1], +m[2], +m[3]) || +m[4] > 23 || +m[5] > 59) return null;
    return belgradeToUtc(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0).toISOString();
  }
  return parseDate(s)?.toISOString() ?? null;
}

export interface RecordProblem {
  /** Line in the file (CSV row or JSONL line; 0 for a whole .json file's item index). */
  line: number;
  field: string;
  message: string;
}

const LANG = /^([a-z]{2,3}|und)$/;

/**
 * Checks one record's fields (already mapped to our names) and returns the record, or the
 * problems with it. Values are trimmed; the URL is put in canonical form (tracking removed).
 */
export function toRecord(
  fields: Partial<Record<ImportField, unknown>>,
  line: number,
  defaults: RecordDefaults = {},
): { record: ImportRecord } | { problems: RecordProblem[] } {
  const problems: RecordProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ line, field, message });
  const str = (field: ImportField): string | undefined => {
    const v = fields[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') {
      bad(field, 'must be text');
      return undefined;
    }
    const s = String(v).trim();
    return s === '' ? undefined : s;
  };

  const title = str('title');
  if (title === undefined) bad('title', 'is missing');
  else if (title.length > 1000) bad('title', 'is longer than 1000 characters');

  const outlet = str('outlet') ?? defaults.outlet;
  if (outlet === undefined) bad('outlet', 'is missing (or give --outlet for the whole file)');

  let url: string | null = null;
  const rawUrl = str('url');
  if (rawUrl !== undefined) {
    url = canonicalUrl(rawUrl);
    if (url === null) bad('url', `is not an http(s) URL: ${JSON.stringify(rawUrl.slice(0, 80))}`);
  }

  let published: string | null = null;
  const rawDate = str('published');
  if (rawDate === undefined) bad('published', 'is missing: past coverage needs its date');
  else {
    published = parseImportDate(rawDate);
    if (published === null) bad('published', `is not a date: ${JSON.stringify(rawDate.slice(0, 40))}`);
    else if (Date.parse(published) > Date.now() + 86_400_000) bad('published', 'is in the future');
  }

  let scope: Scope = defaults.scope ?? 'domestic';
  const rawScope = str('scope');
  if (rawScope !== undefined) {
    const s = SCOPE_WORDS[fold(rawScope)];
    if (s === undefined) bad('scope', `must be "domestic" or "international", got ${JSON.stringify(rawScope)}`);
    else scope = s;
  }

  let lang = defaults.lang;
  const rawLang = str('lang');
  if (rawLang !== undefined) {
    const l = rawLang.toLowerCase();
    if (!LANG.test(l)) bad('lang', `must be a language code such as "sr" or "en", got ${JSON.stringify(rawLang)}`);
    else lang = l;
  }

  if (problems.length) return { problems };
  const record: ImportRecord = { title: title!, url, text: str('text') ?? '', outlet: outlet!, scope, published: published! };
  if (lang !== undefined) record.lang = lang;
  return { record };
}
