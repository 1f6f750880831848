/**
 * Query-string parsing for the API. Every endpoint lists the parameters it takes; anything
 * else, a repeated parameter or a malformed value is a 400 whose message names the parameter,
 * so a typo such as `?topics=` on /api/articles is reported instead of silently ignored.
 */
import { TOPICS, type Scope, type Script, type Topic } from '../../shared/model/types';
import { dayStartMs, nextDay } from './belgrade';
import type { ArticleQuery } from './filters';
import { searchExpression } from './search-index';

/** A bad request parameter (or body field); the API answers 400 with this message. */
export class ParamError extends Error {
  override name = 'ParamError';
  constructor(
    /** The query parameter or body field at fault. */
    readonly parameter: string,
    message: string,
    kind: 'parameter' | 'field' = 'parameter',
  ) {
    super(`invalid ${kind} "${parameter}": ${message}`);
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// ISO 8601 date-time with a zone (Z or an offset); a zone-less time would depend on the server's.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const LANG = /^([a-z]{2,3}|und)$/;
export const SCOPES: readonly Scope[] = ['domestic', 'international'];
export const SCRIPTS: readonly Script[] = ['Latn', 'Cyrl'];

/**
 * A date or date-time as ISO UTC. A bare date (YYYY-MM-DD) is a Belgrade day: its start (00:00
 * in Belgrade), or with `endOfDay` its last millisecond, so `until=2025-03-31` includes the
 * whole of 31 March as people in Serbia count it. A date-time needs a zone (Z or an offset):
 * without one it would depend on the server's.
 */
export function parseInstant(value: string, options: { endOfDay?: boolean } = {}): string | { error: string } {
  let iso: string;
  if (DATE_ONLY.test(value)) iso = `${value}T00:00:00.000Z`;
  else if (DATE_TIME.test(value)) iso = value;
  else return { error: `must be a date (YYYY-MM-DD) or an ISO date-time with a zone, got ${JSON.stringify(value)}` };
  const ms = Date.parse(iso);
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(y, m - 1, d));
  // Date.parse rolls some impossible dates over (2025-02-30); the calendar check catches them.
  if (Number.isNaN(ms) || calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d) {
    return { error: `is not a real date: ${JSON.stringify(value)}` };
  }
  if (DATE_ONLY.test(value)) {
    return new Date(options.endOfDay ? dayStartMs(nextDay(value)) - 1 : dayStartMs(value)).toISOString();
  }
  return new Date(ms).toISOString();
}

const quote = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/** Reads the query parameters of one request, checking each as it is taken. */
export class Params {
  private readonly values = new Map<string, string[]>();
  private readonly taken = new Set<string>();

  constructor(search: URLSearchParams) {
    for (const [k, v] of search) this.values.set(k, [...(this.values.get(k) ?? []), v]);
  }

  static of(url: string): Params {
    return new Params(new URL(url).searchParams);
  }

  /** The raw value, trimmed; undefined when absent or blank. Each parameter at most once. */
  raw(name: string): string | undefined {
    this.taken.add(name);
    const all = this.values.get(name);
    if (!all) return undefined;
    if (all.length > 1) throw new ParamError(name, 'given more than once');
    const v = all[0].trim();
    return v === '' ? undefined : v;
  }

  /** The first of several accepted names that is present (e.g. since / from); both at once is an error. */
  private aliased(names: readonly string[]): { name: string; value: string } | undefined {
    const present = names.map((name) => ({ name, value: this.raw(name) })).filter((p) => p.value !== undefined);
    if (present.length > 1) throw new ParamError(present[1].name, `give either "${present[0].name}" or "${present[1].name}", not both`);
    return present[0] as { name: string; value: string } | undefined;
  }

  /**
   * An instant as ISO UTC (see parseInstant); `names` lists accepted spellings (since / from),
   * of which at most one may be given.
   */
  date(names: string | readonly string[], options: { endOfDay?: boolean } = {}): string | undefined {
    const p = this.aliased(typeof names === 'string' ? [names] : names);
    if (!p) return undefined;
    const parsed = parseInstant(p.value, options);
    if (typeof parsed !== 'string') throw new ParamError(p.name, parsed.error);
    return parsed;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) throw new ParamError(name, `must be one of ${quote(allowed)}, got ${JSON.stringify(v)}`);
    return v as T;
  }

  /** true/false/1/0/yes/no; `all` (or absent) gives undefined: no filter. */
  bool(name: string): boolean | undefined {
    const v = this.raw(name)?.toLowerCase();
    if (v === undefined || v === 'all') return undefined;
    if (['true', '1', 'yes'].includes(v)) return true;
    if (['false', '0', 'no'].includes(v)) return false;
    throw new ParamError(name, `must be true, false or all, got ${JSON.stringify(v)}`);
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new ParamError(name, `must be an integer between ${min} and ${max}, got ${JSON.stringify(v)}`);
    }
    return n;
  }

  text(name: string, maxLength: number): string | undefined {
    const v = this.raw(name);
    if (v !== undefined && v.length > maxLength) throw new ParamError(name, `must be at most ${maxLength} characters`);
    return v;
  }

  /** A comma-separated list, blanks dropped, at most `maxItems` items. */
  list(name: string, maxItems: number, maxLength = 100): string[] {
    const v = this.raw(name);
    if (v === undefined) return [];
    const items = [...new Set(v.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
    if (items.length > maxItems) throw new ParamError(name, `must list at most ${maxItems} items`);
    const long = items.find((s) => s.length > maxLength);
    if (long !== undefined) throw new ParamError(name, `items must be at most ${maxLength} characters`);
    return items;
  }

  topic(name: string): Topic | undefined {
    return this.oneOf(name, TOPICS);
  }

  lang(name: string): string | undefined {
    const v = this.raw(name)?.toLowerCase();
    if (v !== undefined && !LANG.test(v)) throw new ParamError(name, `must be a language code such as "sr" or "en", got ${JSON.stringify(v)}`);
    return v;
  }

  /** A search: the words are folded and must all occur (see searchExpression). */
  search(name: string): string | undefined {
    const v = this.text(name, 200);
    if (v === undefined) return undefined;
    const expr = searchExpression(v);
    if (expr === null) throw new ParamError(name, 'has no letters or digits to search for');
    return expr;
  }

  /**
   * The shared article filter: since/until (or from/to), relevant, topic, lang, script,
   * scope, outlet and q. `relevantDefault` applies when `relevant` is absent.
   */
  articleQuery(options: { relevantDefault?: boolean } = {}): ArticleQuery {
    const since = this.date(['since', 'from']);
    const until = this.date(['until', 'to'], { endOfDay: true });
    if (since !== undefined && until !== undefined && since > until) {
      throw new ParamError(this.has('since') ? 'since' : 'from', 'is after the end of the period');
    }
    const relevant = this.has('relevant') ? this.bool('relevant') : options.relevantDefault;
    const match = this.search('q');
    const f: ArticleQuery = {
      since,
      until,
      relevant,
      topic: this.topic('topic'),
      lang: this.lang('lang'),
      script: this.oneOf('script', SCRIPTS),
      scope: this.oneOf('scope', SCOPES),
      outlet: this.text('outlet', 200),
      match,
    };
    for (const k of Object.keys(f) as Array<keyof ArticleQuery>) if (f[k] === undefined) delete f[k];
    return f;
  }

  has(name: string): boolean {
    this.taken.add(name);
    return this.values.has(name);
  }

  /** Throws for any parameter the endpoint did not read: unknown parameters are errors. */
  done(): void {
    for (const name of this.values.keys()) {
      if (!this.taken.has(name)) {
        const known = [...this.taken].sort();
        throw new ParamError(name, `is not a parameter of this endpoint (expected ${known.length ? known.join(', ') : 'none'})`);
      }
    }
  }
}
