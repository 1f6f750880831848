/**
 * The press officers' dashboard: coverage over time, domestic vs international, every outlet,
 * language, script and topic, organisation mentions, the latest stories with their outlets and
 * why they were flagged, exports and a printable report. All data comes from this server's API.
 *
 * The view is the URL (state.ts): the page reads it, passes it to every API call and writes
 * it back on every change. Every number opens the articles behind it (the drill-down panel).
 * Switching the interface language redraws from the data already loaded.
 */
import type uPlot from 'uplot';
import { localizeReasons } from '../../../../shared/classify/localize-reason';
import { TOPICS } from '../../../../shared/model/types';
import { loadDrill, loadOrgs, loadView, type Article, type Coverage, type Data, type Org, type Story } from './api';
import { barList, COLORS, OTHER_COLORS, swatch, timeChart, type Bar, type TimeSeries } from './charts';
import { httpHref } from '../../../../shared/url/http-url';
import { byId, el } from './dom';
import {
  formatAxis,
  formatBucket,
  formatInstant,
  formatNumber,
  formatPercent,
  langLabel,
  pick,
  scopeLabel,
  scriptLabel,
  t,
  topicLabel,
  type StringKey,
  type UiLang,
} from './i18n';
import { addDays, apiParams, belgradeToday, FILTER_NAMES, presetRange, previousPeriod, readView, validDay, viewQuery, type Interval, type Preset, type View } from './state';

declare global {
  interface Window {
    /** For the end-to-end test and for debugging: the drawn charts and the current view. */
    __dashboard?: { charts: Map<string, uPlot>; view: View };
  }
}

const charts = new Map<string, uPlot>();
const UI_KEY = 'nadzor.dashboard.lang';

// ---- small helpers --------------------------------------------------------------------------

const storedUi = (): string | null => {
  try {
    return localStorage.getItem(UI_KEY);
  } catch {
    return null;
  }
};

function setStatus(text: string, kind: 'info' | 'error' | '' = 'info'): void {
  const s = byId('status');
  s.textContent = text;
  s.className = `status ${kind}`;
}

/** The last day of the bucket starting on `day`. */
function bucketEnd(day: string, interval: Interval): string {
  if (interval === 'day') return day;
  if (interval === 'week') return addDays(day, 6);
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A bucket's days inside the view's period (partial buckets are cut to the period). */
function bucketRange(v: View, bucket: string): { from: string; to: string } {
  const end = bucketEnd(bucket, v.interval);
  return { from: bucket < v.from ? v.from : bucket, to: end > v.to ? v.to : end };
}

function seriesOf(buckets: string[], rows: Array<{ bucket: string; articles: number; stories?: number }>, field: 'articles' | 'stories' = 'articles'): number[] {
  const byBucket = new Map(rows.map((r) => [r.bucket, r[field] ?? 0]));
  return buckets.map((b) => byBucket.get(b) ?? 0);
}

function orgName(o: { name: { en: string; sr: string } }, lang: UiLang): string {
  return pick(o.name, lang);
}

/** Which text decided an article ("title + feed text + article page"), and a page that could not be read. */
function decidedOnLine(a: Article, lang: UiLang): HTMLElement | null {
  const key = ({ title: 'latest.decidedTitle', 'title+lead': 'latest.decidedLead', 'title+lead+page': 'latest.decidedPage' } as const)[a.decidedOn ?? ''];
  if (!key) return null;
  const page = a.pageStatus && a.pageStatus !== 'ok' ? ` (${t('latest.pageStatus', lang)}: ${a.pageStatus})` : '';
  return el('div', { class: 'decided' }, `${t(key, lang)}${page}`);
}

// ---- the page -------------------------------------------------------------------------------

class Dashboard {
  view: View;
  data: Data | null = null;
  orgs: Org[] = [];
  generation = 0;
  drill: { title: string; overrides: Record<string, string | undefined>; offset: number } | null = null;

  constructor() {
    this.view = readView(location.search, storedUi(), navigator.language, belgradeToday());
    window.__dashboard = { charts, view: this.view };
  }

  get ui(): UiLang {
    return this.view.ui;
  }

  n = (v: number) => formatNumber(v, this.ui);

  saveView(): void {
    history.replaceState(null, '', `${location.pathname}?${viewQuery(this.view)}`);
    window.__dashboard!.view = this.view;
    try {
      localStorage.setItem(UI_KEY, this.view.ui);
    } catch {
      // Private windows may refuse storage; the URL still carries the language.
    }
  }

  async refresh(): Promise<void> {
    const mine = ++this.generation;
    document.documentElement.dataset.state = 'loading';
    setStatus(t('status.loading', this.ui));
    this.saveView();
    this.fillForm();
    try {
      const [loaded, orgs] = await Promise.all([loadView(this.view), loadOrgs()]);
      if (mine !== this.generation) return; // a newer request superseded this one
      this.data = loaded;
      this.orgs = orgs;
      this.renderAll();
      document.documentElement.dataset.state = 'ready';
    } catch (err) {
      if (mine !== this.generation) return;
      setStatus(t('status.error', this.ui) + (err as Error).message, 'error');
      document.documentElement.dataset.state = 'error';
    }
  }

  // ---- texts and form -----------------------------------------------------------------------

  renderTexts(): void {
    const lang = this.ui;
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n as StringKey, lang);
    document.title = t('title', lang);
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }

  fillForm(): void {
    const v = this.view;
    const lang = this.ui;
    const form = byId<HTMLFormElement>('filters');
    const field = <T extends HTMLElement>(name: string) => form.elements.namedItem(name) as T;
    const options = (name: string, items: Array<[string, string]>, anyLabel: string) => {
      const select = field<HTMLSelectElement>(name);
      select.replaceChildren(el('option', { value: '' }, anyLabel), ...items.map(([value, label]) => el('option', { value }, label)));
      select.value = v.filters[name as keyof View['filters']] ?? '';
    };
    field<HTMLSelectElement>('period').value = v.period;
    field<HTMLInputElement>('from').value = v.from;
    field<HTMLInputElement>('to').value = v.to;
    field<HTMLSelectElement>('interval').value = v.interval;
    field<HTMLSelectElement>('relevant').value = v.relevant;
    const any = t('filter.any', lang);
    options('topic', TOPICS.map((tp) => [tp, topicLabel(tp, lang)]), any);
    options('scope', ['domestic', 'international'].map((s) => [s, scopeLabel(s, lang)]), any);
    options('script', ['Latn', 'Cyrl'].map((s) => [s, scriptLabel(s, lang)]), any);
    const langs = new Set(['sr', 'en', ...(this.data?.lang.totals.map((r) => r.key) ?? [])]);
    if (v.filters.lang) langs.add(v.filters.lang);
    options('lang', [...langs].filter((l) => l !== 'none').map((l) => [l, langLabel(l, lang)]), any);
    options('org', this.orgs.map((o) => [o.id, orgName(o, lang)]), t('filter.anyOrg', lang));
    field<HTMLInputElement>('outlet').value = v.filters.outlet ?? '';
    field<HTMLInputElement>('outlet').placeholder = t('filter.anyOutlet', lang);
    field<HTMLInputElement>('q').value = v.filters.q ?? '';
    const outlets = this.data?.outlets.map((o) => o.key) ?? [];
    byId('outlet-list').replaceChildren(...outlets.map((o) => el('option', { value: o })));
  }

  /** The form's values as the view; null (with a message) when the dates do not make a period. */
  readForm(changed?: string): View | null {
    const form = byId<HTMLFormElement>('filters');
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    const v: View = { ...this.view, filters: {} };
    const preset = value('period') as Preset;
    if (changed === 'period' && preset !== 'custom') {
      const r = presetRange(preset, belgradeToday());
      v.from = r.from;
      v.to = r.to;
      v.interval = r.interval;
      v.period = preset;
    } else {
      v.from = value('from');
      v.to = value('to');
      v.interval = value('interval') as Interval;
      v.period = changed === 'from' || changed === 'to' ? 'custom' : preset;
    }
    if (!validDay(v.from) || !validDay(v.to) || v.from > v.to) {
      setStatus(t('status.badDates', this.ui), 'error');
      return null;
    }
    const relevant = value('relevant');
    v.relevant = relevant === 'all' || relevant === 'false' ? relevant : 'true';
    for (const name of FILTER_NAMES) {
      const x = value(name);
      if (x) v.filters[name] = x;
    }
    return v;
  }

  // ---- rendering ----------------------------------------------------------------------------

  renderAll(): void {
    const d = this.data!;
    this.renderTexts();
    this.fillForm();
    this.renderFreshness(d);
    this.renderReportHead();
    this.renderCards(d);
    this.renderCharts(d);
    this.renderMentions(d);
    this.renderLatest(d.latest.stories, byId('latest-list'), t('latest.none', this.ui));
    this.renderExports();
    setStatus(d.coverage.total.articles === 0 ? t('status.empty', this.ui) : '', '');
    if (this.drill) void this.showDrill(this.drill.title, this.drill.overrides, false);
  }

  renderFreshness(d: Data): void {
    const f = d.freshness;
    byId('freshness').textContent = f.lastReadAt
      ? t('fresh.line', this.ui, { when: formatInstant(f.lastReadAt, this.ui), feeds: this.n(f.feeds), failing: this.n(f.failing), paused: this.n(f.paused) })
      : t('fresh.never', this.ui);
  }

  periodText(from = this.view.from, to = this.view.to): string {
    return `${formatBucket(from, this.ui, 'day')} – ${formatBucket(to, this.ui, 'day')}`;
  }

  filterText(): string {
    const v = this.view;
    const lang = this.ui;
    const parts: string[] = [];
    if (v.filters.topic) parts.push(topicLabel(v.filters.topic, lang));
    if (v.filters.scope) parts.push(scopeLabel(v.filters.scope, lang));
    if (v.filters.outlet) parts.push(v.filters.outlet);
    if (v.filters.lang) parts.push(langLabel(v.filters.lang, lang));
    if (v.filters.script) parts.push(scriptLabel(v.filters.script, lang));
    if (v.filters.org) {
      const o = this.orgs.find((x) => x.id === v.filters.org);
      parts.push(o ? orgName(o, lang) : v.filters.org);
    }
    if (v.filters.q) parts.push(`„${v.filters.q}“`);
    parts.push(t(`relevant.${v.relevant}` as StringKey, lang));
    return parts.join(' · ');
  }

  renderReportHead(): void {
    byId('report-period').textContent = `${t('period.label', this.ui)}: ${this.periodText()}`;
    byId('report-filters').textContent = t('report.filters', this.ui, { filters: this.filterText() });
  }

  /** A count that opens its articles. */
  countButton(text: string, title: string, overrides: Record<string, string | undefined>): HTMLElement {
    const b = el('button', { type: 'button', class: 'count linklike' }, text);
    b.addEventListener('click', () => void this.showDrill(title, overrides, true));
    return b;
  }

  renderCards(d: Data): void {
    const lang = this.ui;
    const prev = previousPeriod(this.view.from, this.view.to);
    const scope = new Map(d.scope.totals.map((r) => [r.key, r.articles]));
    const prevScope = new Map(d.previous.totals.map((r) => [r.key, r.articles]));
    const prevStories = d.previous.total.stories;
    const change = (now: number, before: number): string => {
      if (before === 0) return now === 0 ? t('card.change.same', lang) : t('card.change.new', lang);
      const pct = (now - before) / before;
      if (pct === 0) return t('card.change.same', lang);
      return `${pct > 0 ? '+' : '−'}${formatPercent(Math.abs(pct), lang)}`;
    };
    const card = (value: number, before: number, label: StringKey, color: string, overrides: Record<string, string | undefined>) => {
      const title = `${t(label, lang)} · ${this.periodText()}`;
      const prevTitle = `${t(label, lang)} · ${this.periodText(prev.from, prev.to)}`;
      const prevButton = this.countButton(this.n(before), prevTitle, { ...overrides, from: prev.from, to: prev.to });
      return el(
        'div',
        { class: 'card' },
        swatch(color),
        el('span', { class: 'value' }, this.countButton(this.n(value), title, overrides)),
        el('span', { class: 'label' }, t(label, lang)),
        el('span', { class: 'change' }, `${change(value, before)} · ${t('card.previous', lang, { days: prev.days, n: '' }).replace(/\s*$/, ' ')}`, prevButton),
      );
    };
    byId('cards').replaceChildren(
      card(d.coverage.total.articles, d.previous.total.articles, 'card.articles', COLORS.articles, {}),
      card(d.coverage.total.stories, prevStories, 'card.stories', COLORS.stories, {}),
      card(scope.get('domestic') ?? 0, prevScope.get('domestic') ?? 0, 'card.domestic', COLORS.domestic, { scope: 'domestic' }),
      card(scope.get('international') ?? 0, prevScope.get('international') ?? 0, 'card.international', COLORS.international, { scope: 'international' }),
    );
  }

  chartParts(id: string): { box: HTMLElement; extra: HTMLElement } {
    const fig = byId(id);
    const box = fig.querySelector<HTMLElement>('.chart')!;
    const extra = fig.querySelector<HTMLElement>('.chart-extra')!;
    charts.get(id)?.destroy();
    charts.delete(id);
    box.replaceChildren();
    extra.replaceChildren();
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
    box.removeAttribute('tabindex');
    return { box, extra };
  }

  /** A table of the chart's numbers, behind a disclosure: accessible and copyable. */
  tableView(head: string[], rows: Array<Array<string | Node>>): HTMLElement {
    return el(
      'details',
      { class: 'table-view' },
      el('summary', {}, t('chart.table', this.ui)),
      el(
        'div',
        { class: 'table-wrap' },
        el(
          'table',
          {},
          el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))))),
        ),
      ),
    );
  }

  /** A line chart over the view's buckets, with its legend, partial-bucket note, summary and table. */
  drawTimeChart(id: string, buckets: string[], partial: string[], series: TimeSeries[], drillOf: (series: number, bucket: string) => Record<string, string | undefined>): void {
    const { box, extra } = this.chartParts(id);
    const lang = this.ui;
    const v = this.view;
    const total = series.reduce((s, x) => s + x.values.reduce((a, b) => a + b, 0), 0);
    if (buckets.length === 0 || total === 0) {
      box.append(el('p', { class: 'empty' }, t('chart.empty', lang)));
      return;
    }
    const isPartial = new Set(partial);
    const label = (i: number) => `${formatAxis(buckets[i], lang, v.interval)}${isPartial.has(buckets[i]) ? '*' : ''}`;
    const tip = (i: number) => {
      const r = bucketRange(v, buckets[i]);
      const range = r.from === r.to ? formatBucket(r.from, lang, 'day') : this.periodText(r.from, r.to);
      return isPartial.has(buckets[i]) ? `${range} (${t('partial', lang)})` : range;
    };
    const what = series[0].label;
    const first = series[0].values;
    const maxAt = first.indexOf(Math.max(...first));
    box.setAttribute('role', 'img');
    box.setAttribute(
      'aria-label',
      `${byId(id).querySelector('figcaption')?.textContent ?? ''}. ${t('chart.summary', lang, {
        what,
        interval: t(`interval.${v.interval}` as StringKey, lang),
        from: formatBucket(v.from, lang, 'day'),
        to: formatBucket(v.to, lang, 'day'),
        total: this.n(first.reduce((a, b) => a + b, 0)),
        max: this.n(first[maxAt] ?? 0),
        at: tip(Math.max(0, maxAt)),
      })}`,
    );
    const u = timeChart(box, buckets.length, series, {
      formatX: label,
      formatTip: tip,
      formatValue: this.n,
      onPick: (i) => {
        const r = bucketRange(v, buckets[i]);
        void this.showDrill(`${byId(id).querySelector('figcaption')?.textContent ?? ''} · ${tip(i)}`, { ...drillOf(0, buckets[i]), from: r.from, to: r.to }, true);
      },
    });
    charts.set(id, u);
    if (partial.length) extra.append(el('p', { class: 'note' }, t('chart.partial', lang, { interval: t(`interval.${v.interval}` as StringKey, lang) })));
    extra.append(el('p', { class: 'note hint' }, t('chart.hint', lang)));
    extra.append(
      this.tableView(
        [t('axis.period', lang), ...series.map((s) => s.label)],
        buckets.map((b, i) => {
          const r = bucketRange(v, b);
          return [
            tip(i),
            ...series.map((s, k) => this.countButton(this.n(s.values[i]), `${s.label} · ${tip(i)}`, { ...drillOf(k, b), from: r.from, to: r.to })),
          ];
        }),
      ),
    );
  }

  drawBars(id: string, bars: Bar[], head: [string, string], rows?: Array<Array<string | Node>>): void {
    const { box, extra } = this.chartParts(id);
    const caption = byId(id).querySelector('figcaption')?.textContent ?? '';
    if (bars.length === 0 || bars.every((b) => b.value === 0)) {
      box.append(el('p', { class: 'empty' }, t('chart.empty', this.ui)));
      return;
    }
    barList(box, bars, this.n, caption);
    extra.append(this.tableView(head, rows ?? bars.map((b) => [b.note ? `${b.label} (${b.note})` : b.label, this.n(b.value)])));
  }

  renderCharts(d: Data): void {
    const lang = this.ui;
    const articlesLabel = t('series.articles', lang);
    this.drawTimeChart(
      'chart-coverage',
      d.coverage.buckets,
      d.coverage.partial,
      [
        { label: articlesLabel, values: seriesOf(d.coverage.buckets, d.coverage.rows), color: COLORS.articles },
        { label: t('series.stories', lang), values: seriesOf(d.coverage.buckets, d.coverage.rows, 'stories'), color: COLORS.stories },
      ],
      () => ({}),
    );
    const scopes = ['domestic', 'international'] as const;
    this.drawTimeChart(
      'chart-scope',
      d.scope.buckets,
      d.scope.partial,
      scopes.map((scope) => ({ label: scopeLabel(scope, lang), values: seriesOf(d.scope.buckets, d.scope.rows.filter((r) => r.key === scope)), color: COLORS[scope] })),
      (k) => ({ scope: scopes[k] }),
    );

    // Outlets: the top ten and the others as bars, coloured by kind of media; all in the table.
    const TOP = 10;
    const outletBar = (o: Data['outlets'][number]): Bar => ({
      label: o.key,
      value: o.articles,
      color: COLORS[o.scope],
      note: scopeLabel(o.scope, lang),
      onPick: () => void this.showDrill(`${t('filter.outlet', lang)}: ${o.key}`, { outlet: o.key, scope: o.scope }),
    });
    const rest = d.outlets.slice(TOP);
    const bars = d.outlets.slice(0, TOP).map(outletBar);
    if (rest.length) bars.push({ label: t('outlets.others', lang, { n: this.n(rest.length) }), value: rest.reduce((s, o) => s + o.articles, 0), color: COLORS.category });
    this.drawBars(
      'chart-outlet',
      bars,
      [t('axis.outlet', lang), articlesLabel],
      d.outlets.map((o) => [
        o.key,
        scopeLabel(o.scope, lang),
        this.countButton(this.n(o.articles), `${o.key} · ${this.periodText()}`, { outlet: o.key, scope: o.scope }),
        this.n(o.stories),
      ]),
    );
    const outletTable = byId('chart-outlet').querySelector('details');
    if (outletTable) {
      outletTable.querySelector('summary')!.textContent = t('outlets.all', lang, { n: this.n(d.outlets.length) });
      const headRow = outletTable.querySelector('thead tr')!;
      headRow.replaceChildren(...[t('axis.outlet', lang), t('axis.scope', lang), articlesLabel, t('series.stories', lang)].map((h) => el('th', { scope: 'col' }, h)));
    }

    const categoryBars = (c: Coverage, name: (k: string) => string, param: 'lang' | 'script' | 'topic'): Bar[] =>
      c.totals.map((r) => ({
        label: name(r.key),
        value: r.articles,
        color: COLORS.category,
        // Articles without a detected script have no value to filter on.
        onPick: r.key === 'none' ? undefined : () => void this.showDrill(name(r.key), { [param]: r.key }),
      }));
    this.drawBars('chart-topic', categoryBars(d.topic, (k) => topicLabel(k, lang), 'topic'), [t('axis.topic', lang), articlesLabel]);
    this.drawBars('chart-lang', categoryBars(d.lang, (k) => langLabel(k, lang), 'lang'), [t('axis.lang', lang), articlesLabel]);
    this.drawBars('chart-script', categoryBars(d.script, (k) => scriptLabel(k, lang), 'script'), [t('axis.script', lang), articlesLabel]);

    const named = d.mentions.orgs.filter((o) => o.articles > 0).slice(0, 6);
    this.drawTimeChart(
      'chart-mentions',
      d.mentions.buckets,
      d.mentions.partial,
      named.map((o, i) => ({ label: orgName(o, lang), values: seriesOf(d.mentions.buckets, o.series), color: OTHER_COLORS[i % OTHER_COLORS.length] })),
      (k) => ({ org: named[k]?.id }),
    );
  }

  renderMentions(d: Data): void {
    const rows = d.mentions.orgs.map((o) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, orgName(o, this.ui)),
        el('td', {}, this.countButton(this.n(o.articles), `${orgName(o, this.ui)} · ${this.periodText()}`, { org: o.id })),
        el('td', {}, formatPercent(o.share, this.ui)),
        el('td', {}, formatPercent(o.shareOfVoice, this.ui)),
      ),
    );
    byId('mentions-body').replaceChildren(...rows);
  }

  /** Stories, one row each, newest first: title, date, outlets, topics, why. */
  renderLatest(stories: Story[], list: HTMLElement, none: string, append = false): void {
    const lang = this.ui;
    if (stories.length === 0 && !append) {
      list.replaceChildren(el('li', { class: 'empty' }, none));
      return;
    }
    const items = stories.map((s) => {
      const first = s.articles[0];
      const href = httpHref(first?.url);
      const title = href ? el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, s.title) : el('span', {}, s.title);
      const latest = s.articles.reduce<string>((m, a) => {
        const d = a.published ?? a.fetchedAt;
        return d > m ? d : m;
      }, s.lastSeen);
      const topics = [...new Set(s.articles.flatMap((a) => a.topics))];
      const reasons = first ? localizeReasons(first.reasons, lang) : [];
      // Each outlet once, linked to its copy of the story.
      const seen = new Set<string>();
      const outlets = s.articles.flatMap((a) => {
        if (seen.has(a.outlet)) return [];
        seen.add(a.outlet);
        const u = httpHref(a.url);
        return [u ? el('a', { href: u, rel: 'noopener noreferrer nofollow', target: '_blank' }, a.outlet) : el('span', {}, a.outlet)];
      });
      const [before, after] = t(s.articleCount === 1 ? 'latest.outlets.one' : 'latest.outlets', lang, { n: this.n(s.articleCount) }).split('{outlets}');
      return el(
        'li',
        {},
        el('div', { class: 'title' }, title),
        el('div', { class: 'meta' }, formatInstant(latest, lang, false)),
        el('div', { class: 'outlets' }, before, ...outlets.flatMap((a, i) => (i ? [', ', a] : [a])), after ?? ''),
        s.matching !== s.articleCount ? el('div', { class: 'meta' }, t('drill.matching', lang, { n: this.n(s.matching) })) : null,
        topics.length ? el('div', { class: 'topics' }, ...topics.map((tp) => el('span', { class: 'topic' }, topicLabel(tp, lang)))) : null,
        reasons.length ? el('div', { class: 'why' }, el('strong', {}, t('latest.why', lang)), reasons.join('; ')) : null,
        first ? decidedOnLine(first, lang) : null,
      );
    });
    if (append) list.append(...items);
    else list.replaceChildren(...items);
  }

  async showDrill(title: string, overrides: Record<string, string | undefined>, focus = true, more = false): Promise<void> {
    const panel = byId('drill');
    if (!more) this.drill = { title, overrides, offset: 0 };
    const state = this.drill!;
    const mine = this.generation;
    panel.hidden = false;
    byId('drill-title').textContent = `${t('drill.title', this.ui)}: ${title}`;
    const csv = byId<HTMLAnchorElement>('drill-csv');
    csv.textContent = t('drill.csv', this.ui);
    csv.href = `/api/export.csv?${apiParams(this.view, { type: 'articles', ...overrides, ui: this.ui, sep: this.separator() })}`;
    // The export takes since/until or from/to; keep the API's own names.
    if (focus) {
      panel.scrollIntoView({ block: 'start' });
      byId('drill-title').focus();
    }
    try {
      const { page, articles, articlesExact } = await loadDrill(this.view, overrides, state.offset);
      if (mine !== this.generation || this.drill !== state) return;
      // A text search's count stops at a cap: "1,000+".
      const articleCount = this.n(articles) + (articlesExact ? '' : '+');
      byId('drill-count').textContent = t('drill.count', this.ui, { articles: articleCount, stories: this.n(page.total) });
      this.renderLatest(page.stories, byId('drill-list'), t('status.empty', this.ui), more);
      state.offset += page.stories.length;
      byId('drill-more').hidden = state.offset >= page.total;
      panel.dataset.state = 'ready';
    } catch (err) {
      byId('drill-count').textContent = t('status.error', this.ui) + (err as Error).message;
    }
  }

  separator(): string {
    return byId<HTMLSelectElement>('separator').value || (this.ui === 'en' ? 'comma' : 'semicolon');
  }

  renderExports(): void {
    const lang = this.ui;
    const sep = this.separator();
    const base = (o: Record<string, string | undefined>) => apiParams(this.view, o);
    const link = (key: StringKey, format: 'csv' | 'json', params: URLSearchParams) => {
      if (format === 'csv') {
        params.set('ui', lang);
        params.set('sep', sep);
      }
      return el('a', { href: `/api/export.${format}?${params}`, download: '', class: 'button' }, `${t(key, lang)} (${format.toUpperCase()})`);
    };
    const cov = (by?: string) => base({ type: 'coverage', interval: this.view.interval, by });
    const mentions = base({ type: 'mentions', interval: this.view.interval });
    byId('export-links').replaceChildren(
      link('exports.articles', 'csv', base({ type: 'articles' })),
      link('exports.articles', 'json', base({ type: 'articles' })),
      link('exports.coverage', 'csv', cov()),
      link('exports.scope', 'csv', cov('scope')),
      link('exports.outlet', 'csv', cov('outlet')),
      link('exports.topic', 'csv', cov('topic')),
      link('exports.mentions', 'csv', mentions),
    );
  }

  // ---- wiring -------------------------------------------------------------------------------

  start(): void {
    this.renderTexts();
    byId<HTMLSelectElement>('separator').value = this.ui === 'en' ? 'comma' : 'semicolon';
    this.fillForm();
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
      b.addEventListener('click', () => {
        this.view = { ...this.view, ui: b.dataset.lang as UiLang };
        byId<HTMLSelectElement>('separator').value = this.ui === 'en' ? 'comma' : 'semicolon';
        this.saveView();
        if (this.data) this.renderAll();
        else this.renderTexts();
      });
    }
    const form = byId<HTMLFormElement>('filters');
    const apply = (changed?: string) => {
      const v = this.readForm(changed);
      if (!v) return;
      this.view = v;
      void this.refresh();
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      apply();
    });
    // Selects and dates apply at once; typed text (outlet, words) on Enter or leaving the field.
    form.addEventListener('change', (e) => apply((e.target as HTMLInputElement).name));
    byId('reset').addEventListener('click', () => {
      this.view = { ...this.view, filters: {}, relevant: 'true' };
      void this.refresh();
    });
    byId('separator').addEventListener('change', () => this.renderExports());
    byId('print').addEventListener('click', () => window.print());
    byId('drill-close').addEventListener('click', () => {
      this.drill = null;
      byId('drill').hidden = true;
    });
    byId('drill-more').addEventListener('click', () => {
      if (this.drill) void this.showDrill(this.drill.title, this.drill.overrides, false, true);
    });

    let resizeTimer: number | undefined;
    window.addEventListener('resize', () => {
      clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(() => {
        for (const [id, chart] of charts) {
          const box = byId(id).querySelector<HTMLElement>('.chart');
          if (box) chart.setSize({ width: Math.max(200, box.clientWidth), height: chart.height });
        }
      }, 150);
    });
    void this.refresh();
  }
}

function main(): void {
  new Dashboard().start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
