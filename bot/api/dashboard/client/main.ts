/**
 * The press officers' dashboard: coverage over time, domestic vs international, by outlet,
 * language, script and topic, organisation mentions, the latest relevant articles with the
 * reasons they were flagged, and exports. All data comes from this server's own API.
 *
 * State lives in the URL (?from=&to=&interval=&relevant=&lang=), so a view can be bookmarked
 * or pasted into a report. Switching the language redraws from the data already loaded.
 */
import type uPlot from 'uplot';
import { barChart, PALETTE, timeChart } from './charts';
import { h } from '../../../../shared/dom/h';
import { httpHref } from '../../../../shared/url/http-url';
import { byId } from './dom';
import { localizeReason } from '../../../../shared/classify/localize-reason';
import {
  formatDay,
  formatNumber,
  formatPercent,
  langLabel,
  pick,
  scopeLabel,
  scriptLabel,
  t,
  topicLabel,
  UI_LANGS,
  type StringKey,
  type UiLang,
} from './i18n';

type Interval = 'day' | 'week' | 'month';

interface State {
  lang: UiLang;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  interval: Interval;
  relevant: 'true' | 'all';
}

interface CoverageRow {
  bucket: string;
  key: string;
  articles: number;
  stories: number;
}
interface Coverage {
  buckets: string[];
  rows: CoverageRow[];
  totals: Array<{ key: string; articles: number; stories: number }>;
  total: { articles: number; stories: number };
}
interface Mentions {
  buckets: string[];
  total: { articles: number };
  orgs: Array<{ id: string; name: { en: string; sr: string }; articles: number; share: number; shareOfVoice: number; series: Array<{ bucket: string; articles: number }> }>;
}
interface Article {
  id: number;
  title: string;
  url: string | null;
  outlet: string;
  scope: string;
  published: string | null;
  fetchedAt: string;
  topics: string[];
  reasons: string[];
}
interface Data {
  coverage: Coverage;
  scope: Coverage;
  outlet: Coverage;
  lang: Coverage;
  script: Coverage;
  topic: Coverage;
  mentions: Mentions;
  latest: { articles: Article[]; total: number };
}

declare global {
  interface Window {
    /** For the end-to-end test and for debugging: the drawn charts and the current state. */
    __dashboard?: { charts: Map<string, uPlot>; state: State };
  }
}

const charts = new Map<string, uPlot>();
const LANG_KEY = 'nadzor.dashboard.lang';
const DAY_MS = 86_400_000;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY_MS));
const validDay = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

function initialState(): State {
  const q = new URLSearchParams(location.search);
  const stored = (() => {
    try {
      return localStorage.getItem(LANG_KEY);
    } catch {
      return null;
    }
  })();
  const langParam = q.get('lang') ?? stored;
  const lang: UiLang = UI_LANGS.includes(langParam as UiLang) ? (langParam as UiLang) : navigator.language.startsWith('sr') ? 'sr-Latn' : 'en';
  const to = validDay(q.get('to')) ? q.get('to')! : isoDay(new Date());
  const from = validDay(q.get('from')) ? q.get('from')! : daysBefore(to, 364);
  const interval = (['day', 'week', 'month'] as const).find((i) => i === q.get('interval')) ?? 'week';
  const relevant = q.get('relevant') === 'all' ? 'all' : 'true';
  return { lang, from, to, interval, relevant };
}

function saveState(s: State): void {
  const q = new URLSearchParams({ from: s.from, to: s.to, interval: s.interval, relevant: s.relevant, lang: s.lang });
  history.replaceState(null, '', `${location.pathname}?${q}`);
  try {
    localStorage.setItem(LANG_KEY, s.lang);
  } catch {
    // Private windows may refuse storage; the URL still carries the language.
  }
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${res.status} ${res.statusText}`);
  return body as T;
}

function periodParams(s: State, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ from: s.from, to: s.to, interval: s.interval, relevant: s.relevant, ...extra }).toString();
}

async function load(s: State): Promise<Data> {
  const cov = (extra: Record<string, string> = {}) => getJson<Coverage>(`/api/coverage?${periodParams(s, extra)}`);
  const [coverage, scope, outlet, lang, script, topic, mentions, latest] = await Promise.all([
    cov(),
    cov({ by: 'scope' }),
    cov({ by: 'outlet', rows: 'false' }),
    cov({ by: 'lang', rows: 'false' }),
    cov({ by: 'script', rows: 'false' }),
    cov({ by: 'topic', rows: 'false' }),
    getJson<Mentions>(`/api/mentions?${periodParams(s)}`),
    getJson<Data['latest']>(`/api/articles?${new URLSearchParams({ since: s.from, until: s.to, relevant: 'true', limit: '20' })}`),
  ]);
  return { coverage, scope, outlet, lang, script, topic, mentions, latest };
}

// ---- rendering ------------------------------------------------------------------------------

function renderTexts(lang: UiLang): void {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n as StringKey, lang);
  }
  document.title = t('title', lang);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }
}

function setStatus(text: string, kind: 'info' | 'error' | '' = 'info'): void {
  const s = byId('status');
  s.textContent = text;
  s.className = `status ${kind}`;
}

const seconds = (bucket: string) => Date.parse(`${bucket}T00:00:00Z`) / 1000;

function seriesOf(buckets: string[], rows: Array<{ bucket: string; articles?: number; stories?: number }>, field: 'articles' | 'stories'): number[] {
  const byBucket = new Map(rows.map((r) => [r.bucket, r[field] ?? 0]));
  return buckets.map((b) => byBucket.get(b) ?? 0);
}

function chartTarget(id: string): HTMLElement {
  const box = byId(id).querySelector<HTMLElement>('.chart');
  if (!box) throw new Error(`#${id} has no .chart`);
  charts.get(id)?.destroy();
  box.replaceChildren();
  return box;
}

function renderCharts(s: State, d: Data): void {
  const { lang } = s;
  const style = s.interval === 'month' ? 'month' : 'day';
  const fmtX = (sec: number) => formatDay(new Date(sec * 1000), lang, style);
  const x = d.coverage.buckets.map(seconds);

  charts.set(
    'chart-coverage',
    timeChart(
      chartTarget('chart-coverage'),
      x,
      [
        { label: t('series.articles', lang), values: seriesOf(d.coverage.buckets, d.coverage.rows, 'articles') },
        { label: t('series.stories', lang), values: seriesOf(d.coverage.buckets, d.coverage.rows, 'stories') },
      ],
      fmtX,
      { fillFirst: true, xLabel: t('axis.period', lang) },
    ),
  );

  charts.set(
    'chart-scope',
    timeChart(
      chartTarget('chart-scope'),
      x,
      ['domestic', 'international'].map((scope) => ({
        label: scopeLabel(scope, lang),
        values: seriesOf(d.scope.buckets, d.scope.rows.filter((r) => r.key === scope), 'articles'),
      })),
      fmtX,
      { xLabel: t('axis.period', lang) },
    ),
  );

  const bars = (id: string, category: StringKey, totals: Coverage['totals'], label: (key: string) => string, color: string, max = 12) => {
    const top = totals.slice(0, max);
    const names = { category: t(category, lang), value: t('series.articles', lang) };
    charts.set(id, barChart(chartTarget(id), top.map((r) => label(r.key)), top.map((r) => r.articles), names, color));
  };
  bars('chart-outlet', 'axis.outlet', d.outlet.totals, (k) => k, PALETTE[0]);
  bars('chart-lang', 'axis.lang', d.lang.totals, (k) => langLabel(k, lang), PALETTE[1]);
  bars('chart-script', 'axis.script', d.script.totals, (k) => scriptLabel(k, lang), PALETTE[2]);
  bars('chart-topic', 'axis.topic', d.topic.totals, (k) => topicLabel(k, lang), PALETTE[3]);

  const named = d.mentions.orgs.slice(0, 6);
  charts.set(
    'chart-mentions',
    timeChart(
      chartTarget('chart-mentions'),
      d.mentions.buckets.map(seconds),
      named.map((o) => ({ label: pick(o.name, lang), values: seriesOf(d.mentions.buckets, o.series, 'articles') })),
      fmtX,
      { xLabel: t('axis.period', lang) },
    ),
  );
}

function renderCards(s: State, d: Data): void {
  const n = (v: number) => formatNumber(v, s.lang);
  const scope = new Map(d.scope.totals.map((r) => [r.key, r.articles]));
  byId('card-articles').textContent = n(d.coverage.total.articles);
  byId('card-stories').textContent = n(d.coverage.total.stories);
  byId('card-domestic').textContent = n(scope.get('domestic') ?? 0);
  byId('card-international').textContent = n(scope.get('international') ?? 0);
}

function renderMentions(s: State, d: Data): void {
  const rows = d.mentions.orgs.map((o) =>
    h(
      document,
      'tr',
      {},
      h(document, 'th', { attrs: { scope: 'row' } }, pick(o.name, s.lang)),
      h(document, 'td', {}, formatNumber(o.articles, s.lang)),
      h(document, 'td', {}, formatPercent(o.share, s.lang)),
      h(document, 'td', {}, formatPercent(o.shareOfVoice, s.lang)),
    ),
  );
  byId('mentions-body').replaceChildren(...rows);
}

function renderLatest(s: State, d: Data): void {
  const list = byId('latest-list');
  if (d.latest.articles.length === 0) {
    list.replaceChildren(h(document, 'li', { class: 'empty' }, t('latest.none', s.lang)));
    return;
  }
  list.replaceChildren(
    ...d.latest.articles.map((a) => {
      const href = httpHref(a.url);
      const title = href
        ? h(document, 'a', { attrs: { href, rel: 'noopener noreferrer nofollow', target: '_blank' } }, a.title)
        : h(document, 'span', {}, a.title);
      const date = formatDay(new Date(a.published ?? a.fetchedAt), s.lang, 'full');
      return h(
        document,
        'li',
        {},
        h(document, 'div', { class: 'title' }, title),
        h(document, 'div', { class: 'meta' }, `${a.outlet} · ${scopeLabel(a.scope, s.lang)} · ${date}`),
        h(document, 'div', { class: 'topics' }, ...a.topics.map((tp) => h(document, 'span', { class: 'topic' }, topicLabel(tp, s.lang)))),
        h(document, 'div', { class: 'why' }, h(document, 'strong', {}, t('latest.why', s.lang)), a.reasons.map((r) => localizeReason(r, s.lang)).join('; ')),
      );
    }),
  );
}

function renderExports(s: State): void {
  const link = (key: StringKey, format: 'csv' | 'json', params: Record<string, string>) =>
    h(
      document,
      'a',
      { class: 'button', attrs: { href: `/api/export.${format}?${new URLSearchParams(params)}`, download: '' } },
      `${t(key, s.lang)} (${format.toUpperCase()})`,
    );
  const articles = { type: 'articles', since: s.from, until: s.to, ...(s.relevant === 'all' ? {} : { relevant: 'true' }) };
  const cov = (by?: string) => ({ type: 'coverage', from: s.from, to: s.to, interval: s.interval, relevant: s.relevant, ...(by ? { by } : {}) });
  const mentions = { type: 'mentions', from: s.from, to: s.to, interval: s.interval, relevant: s.relevant };
  byId('export-links').replaceChildren(
    link('exports.articles', 'csv', articles),
    link('exports.articles', 'json', articles),
    link('exports.coverage', 'csv', cov()),
    link('exports.scope', 'csv', cov('scope')),
    link('exports.outlet', 'csv', cov('outlet')),
    link('exports.mentions', 'csv', mentions),
  );
}

function renderAll(s: State, d: Data): void {
  renderTexts(s.lang);
  renderCards(s, d);
  renderCharts(s, d);
  renderMentions(s, d);
  renderLatest(s, d);
  renderExports(s);
  setStatus(d.coverage.total.articles === 0 ? t('status.empty', s.lang) : '', '');
}

// ---- wiring ---------------------------------------------------------------------------------

function fillForm(s: State): void {
  const form = byId<HTMLFormElement>('period');
  (form.elements.namedItem('from') as HTMLInputElement).value = s.from;
  (form.elements.namedItem('to') as HTMLInputElement).value = s.to;
  (form.elements.namedItem('interval') as HTMLSelectElement).value = s.interval;
  (form.elements.namedItem('relevant') as HTMLSelectElement).value = s.relevant;
}

function main(): void {
  const state = initialState();
  let data: Data | null = null;
  let generation = 0;
  window.__dashboard = { charts, state };

  const refresh = async () => {
    const mine = ++generation;
    document.documentElement.dataset.state = 'loading';
    setStatus(t('status.loading', state.lang));
    saveState(state);
    try {
      const loaded = await load(state);
      if (mine !== generation) return; // a newer request superseded this one
      data = loaded;
      renderAll(state, data);
      document.documentElement.dataset.state = 'ready';
    } catch (err) {
      if (mine !== generation) return;
      setStatus(t('status.error', state.lang) + (err as Error).message, 'error');
      document.documentElement.dataset.state = 'error';
    }
  };

  renderTexts(state.lang);
  fillForm(state);

  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    b.addEventListener('click', () => {
      state.lang = b.dataset.lang as UiLang;
      saveState(state);
      if (data) renderAll(state, data);
      else renderTexts(state.lang);
    });
  }

  const form = byId<HTMLFormElement>('period');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const from = (form.elements.namedItem('from') as HTMLInputElement).value;
    const to = (form.elements.namedItem('to') as HTMLInputElement).value;
    if (!validDay(from) || !validDay(to) || from > to) {
      setStatus(`${t('period.from', state.lang)} > ${t('period.to', state.lang)}`, 'error');
      return;
    }
    state.from = from;
    state.to = to;
    state.interval = (form.elements.namedItem('interval') as HTMLSelectElement).value as Interval;
    state.relevant = (form.elements.namedItem('relevant') as HTMLSelectElement).value === 'all' ? 'all' : 'true';
    void refresh();
  });

  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-preset]')) {
    b.addEventListener('click', () => {
      const days = Number(b.dataset.preset);
      state.to = isoDay(new Date());
      state.from = daysBefore(state.to, days - 1);
      state.interval = days <= 31 ? 'day' : days <= 400 ? 'week' : 'month';
      fillForm(state);
      void refresh();
    });
  }

  let resizeTimer: number | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      for (const [id, chart] of charts) {
        const box = byId(id).querySelector<HTMLElement>('.chart');
        if (box) chart.setSize({ width: Math.max(280, box.clientWidth), height: chart.height });
      }
    }, 150);
  });

  void refresh();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
