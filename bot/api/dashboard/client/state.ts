/**
 * The view is the URL. Every filter has the API's parameter name (from, to, interval, topic,
 * scope, outlet, lang, script, org, q, relevant), so a view can be bookmarked, cited and its
 * numbers checked against the API. `ui` is the interface language (`lang` is the articles'
 * language, as in the API); `period` names a calendar period (this-quarter, ...).
 */
import { UI_LANGS, type UiLang } from './i18n';

export type Interval = 'day' | 'week' | 'month';
export const INTERVALS: readonly Interval[] = ['day', 'week', 'month'];

export const PRESETS = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'this-year', 'last-year', 'ytd', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** The article filters the page passes to every API call, with the API's names. */
export const FILTER_NAMES = ['topic', 'scope', 'outlet', 'lang', 'script', 'org', 'q'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface View {
  ui: UiLang;
  /** YYYY-MM-DD (Belgrade days), inclusive. */
  from: string;
  to: string;
  interval: Interval;
  period: Preset;
  relevant: 'true' | 'all' | 'false';
  filters: Partial<Record<FilterName, string>>;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};
export const validDay = (s: string | null | undefined): s is string =>
  typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && ymd(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)) === s;

/** Today in Belgrade, YYYY-MM-DD. */
export function belgradeToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export function addDays(day: string, n: number): string {
  return ymd(+day.slice(0, 4), +day.slice(5, 7), +day.slice(8, 10) + n);
}

/** The calendar period a preset names, around `today`, and the interval that suits it. */
export function presetRange(preset: Exclude<Preset, 'custom'>, today: string): { from: string; to: string; interval: Interval } {
  const y = +today.slice(0, 4);
  const m = +today.slice(5, 7);
  const q = Math.floor((m - 1) / 3) * 3 + 1; // first month of this quarter
  switch (preset) {
    case 'this-month':
      return { from: ymd(y, m, 1), to: ymd(y, m + 1, 0), interval: 'day' };
    case 'last-month':
      return { from: ymd(y, m - 1, 1), to: ymd(y, m, 0), interval: 'day' };
    case 'this-quarter':
      return { from: ymd(y, q, 1), to: ymd(y, q + 3, 0), interval: 'week' };
    case 'last-quarter':
      return { from: ymd(y, q - 3, 1), to: ymd(y, q, 0), interval: 'week' };
    case 'this-year':
      return { from: ymd(y, 1, 1), to: ymd(y, 12, 31), interval: 'month' };
    case 'last-year':
      return { from: ymd(y - 1, 1, 1), to: ymd(y - 1, 12, 31), interval: 'month' };
    case 'ytd':
      return { from: ymd(y, 1, 1), to: today, interval: 'week' };
  }
}

/** The period of the same length just before: what each number is compared with. */
export function previousPeriod(from: string, to: string): { from: string; to: string; days: number } {
  const days = daysIn(from, to);
  return { from: addDays(from, -days), to: addDays(from, -1), days };
}

/** The preset whose range is exactly from..to today, else custom. */
function presetOf(from: string, to: string, today: string): Preset {
  for (const p of PRESETS) {
    if (p === 'custom') continue;
    const r = presetRange(p, today);
    if (r.from === from && r.to === to) return p;
  }
  return 'custom';
}

const CLEAN = {
  topic: (v: string) => /^[a-z-]{2,40}$/.test(v),
  scope: (v: string) => v === 'domestic' || v === 'international',
  outlet: (v: string) => v.length <= 200,
  lang: (v: string) => /^([a-z]{2,3}|und)$/.test(v),
  script: (v: string) => v === 'Latn' || v === 'Cyrl',
  org: (v: string) => /^[a-z0-9-]{1,60}$/.test(v),
  q: (v: string) => v.length <= 200,
} satisfies Record<FilterName, (v: string) => boolean>;

/** The view of a URL query; anything malformed falls back to the default (this quarter, per week). */
export function readView(search: string, storedUi: string | null, browserLang: string, today: string): View {
  const q = new URLSearchParams(search);
  // Older links carried the interface language as `lang=sr-Cyrl`; `lang` is now the articles' language.
  const oldUi = UI_LANGS.includes(q.get('lang') as UiLang) && q.get('lang') !== 'en' ? q.get('lang') : null;
  const uiParam = q.get('ui') ?? oldUi ?? storedUi;
  const ui: UiLang = UI_LANGS.includes(uiParam as UiLang) ? (uiParam as UiLang) : browserLang.startsWith('sr') ? 'sr-Latn' : 'en';
  const named = PRESETS.find((p) => p === q.get('period'));
  let from = q.get('from');
  let to = q.get('to');
  let interval = INTERVALS.find((i) => i === q.get('interval'));
  let period: Preset;
  if (validDay(from) && validDay(to) && from <= to) {
    period = named && named !== 'custom' && presetRange(named, today).from === from && presetRange(named, today).to === to ? named : presetOf(from, to, today);
  } else {
    const preset = named && named !== 'custom' ? named : 'this-quarter';
    const r = presetRange(preset, today);
    from = r.from;
    to = r.to;
    interval ??= r.interval;
    period = preset;
  }
  const relevantParam = q.get('relevant');
  const relevant = relevantParam === 'all' || relevantParam === 'false' ? relevantParam : 'true';
  const filters: View['filters'] = {};
  for (const name of FILTER_NAMES) {
    const v = q.get(name)?.trim();
    if (v && CLEAN[name](v)) filters[name] = v;
  }
  return { ui, from, to, interval: interval ?? 'week', period, relevant, filters };
}

/** The URL query of a view, in a fixed order. */
export function viewQuery(v: View): string {
  const q = new URLSearchParams({ from: v.from, to: v.to, interval: v.interval });
  if (v.period !== 'custom') q.set('period', v.period);
  for (const name of FILTER_NAMES) if (v.filters[name]) q.set(name, v.filters[name]!);
  q.set('relevant', v.relevant);
  q.set('ui', v.ui);
  return q.toString();
}

/** The API parameters of a view: the period and every filter (`org` too: articles naming it). */
export function apiParams(v: View, overrides: Record<string, string | undefined> = {}): URLSearchParams {
  const p = new URLSearchParams({ from: v.from, to: v.to });
  for (const name of FILTER_NAMES) if (v.filters[name]) p.set(name, v.filters[name]!);
  p.set('relevant', v.relevant);
  for (const [k, val] of Object.entries(overrides)) {
    if (val === undefined) p.delete(k);
    else p.set(k, val);
  }
  return p;
}
