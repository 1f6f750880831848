/**
 * The dashboard's charts. Lines over time are uPlot (bundled from node_modules) on a canvas,
 * with a legend that only names the series (never "–" placeholders), a tooltip that follows
 * the mouse, a tap, or the arrow keys when the chart has focus, and a click (or Enter) that
 * opens the articles behind a point. Categories are HTML bars: each with its value written on
 * it, a button that opens its articles, and readable by screen readers as they are.
 * Labels are inserted with textContent, so outlet and organisation names cannot inject markup.
 */
import uPlot from 'uplot';
import { el } from './dom';

/**
 * One colour per meaning across the page (Okabe–Ito, colour-blind safe): articles, stories,
 * domestic and international media never change colour from one chart to the next.
 */
export const COLORS = {
  articles: '#0072B2',
  stories: '#009E73',
  domestic: '#6A3D9A',
  international: '#D55E00',
  category: '#4D4D4D',
} as const;

/** Colours for series that are neither of the above (organisations), distinct from them. */
export const OTHER_COLORS = ['#E69F00', '#56B4E9', '#000000', '#CC79A7', '#999933', '#882255'];

const AXIS = { stroke: '#444', grid: { stroke: '#e4e4e4', width: 1 }, ticks: { stroke: '#ccc', width: 1 } };

export interface TimeSeries {
  label: string;
  values: number[];
  color: string;
}

export interface TimeChartOptions {
  height?: number;
  /** Axis label of a bucket (may hold a line break), and its longer form for tooltips. */
  formatX: (index: number) => string;
  formatTip: (index: number) => string;
  /** A number as the interface writes it. */
  formatValue: (n: number) => string;
  /** Opens the articles of a bucket. */
  onPick?: (index: number) => void;
}

/**
 * Lines over time; x are bucket indexes 0..n-1 (labels come from formatX), so uneven months
 * and Belgrade days need no time arithmetic in the chart.
 */
export function timeChart(target: HTMLElement, n: number, series: TimeSeries[], o: TimeChartOptions): uPlot {
  const x = Array.from({ length: n }, (_, i) => i);
  const tip = el('div', { class: 'chart-tip', role: 'status' });
  tip.hidden = true;
  const showTip = (u: uPlot) => {
    const i = u.cursor.idx;
    if (i == null || i < 0) {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren(
      el('strong', {}, o.formatTip(i)),
      ...series.map((s) => el('span', { class: 'tip-row' }, swatch(s.color), `${s.label}: ${o.formatValue(s.values[i] ?? 0)}`)),
    );
    tip.hidden = false;
    const left = u.valToPos(i, 'x');
    tip.style.left = `${Math.max(0, Math.min(left + 8, u.over.clientWidth - 160))}px`;
  };
  const opts: uPlot.Options = {
    width: Math.max(200, target.clientWidth),
    height: o.height ?? 240,
    legend: { live: false },
    scales: { x: { time: false, range: [-0.5, Math.max(0.5, n - 0.5)] }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.15))] } },
    axes: [
      {
        ...AXIS,
        space: 70,
        size: 56,
        splits: (_u, _i, min, max) => {
          // Whole buckets only, thinned so the labels fit.
          const span = Math.max(1, Math.ceil(max) - Math.floor(min));
          const room = Math.max(1, Math.floor(((target.clientWidth || 300) - 60) / 78));
          const step = Math.max(1, Math.ceil(span / room));
          const out: number[] = [];
          for (let i = 0; i < n; i += step) out.push(i);
          return out;
        },
        values: (_u, splits) => splits.map((i) => (Number.isInteger(i) && i >= 0 && i < n ? o.formatX(i) : '')),
      },
      { ...AXIS, size: 48, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? o.formatValue(v) : '')) },
    ],
    series: [
      {},
      ...series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: 2,
        points: { show: n <= 60, size: 6, fill: s.color },
      })),
    ],
    cursor: { drag: { x: false, y: false }, points: { size: 9 } },
    hooks: { setCursor: [showTip] },
  };
  const u = new uPlot(opts, [x, ...series.map((s) => s.values)] as uPlot.AlignedData, target);
  u.over.append(tip);
  u.over.addEventListener('mouseleave', () => (tip.hidden = true));
  if (o.onPick) {
    u.over.style.cursor = 'pointer';
    u.over.addEventListener('click', () => {
      const i = u.cursor.idx;
      if (i != null && i >= 0) o.onPick!(i);
    });
  }

  // Keyboard: the chart is one focusable element; arrows move between buckets, Enter opens one.
  let at = -1;
  const moveTo = (i: number) => {
    at = Math.max(0, Math.min(n - 1, i));
    const top = u.valToPos(series[0]?.values[at] ?? 0, 'y');
    u.setCursor({ left: u.valToPos(at, 'x'), top });
  };
  target.tabIndex = 0;
  target.addEventListener('focus', () => moveTo(at < 0 ? n - 1 : at));
  target.addEventListener('blur', () => (tip.hidden = true));
  target.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') moveTo(at + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') moveTo(at - 1);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(n - 1);
    else if ((e.key === 'Enter' || e.key === ' ') && o.onPick && at >= 0) o.onPick(at);
    else return;
    e.preventDefault();
  });
  return u;
}

// Styles are set through the CSSOM: the page's CSP allows no inline style attributes.
export function swatch(color: string): HTMLElement {
  const node = el('i', { class: 'swatch', 'aria-hidden': 'true' });
  node.style.background = color;
  return node;
}

function fill(percent: number, color: string): HTMLElement {
  const node = el('span', { class: 'bar-fill' });
  node.style.width = `${percent.toFixed(1)}%`;
  node.style.background = color;
  return node;
}

export interface Bar {
  label: string;
  value: number;
  color: string;
  /** A short note after the label (the outlet's media kind). */
  note?: string;
  onPick?: () => void;
}

/** Horizontal bars as HTML: label (a button when it opens articles), bar, value on the bar. */
export function barList(target: HTMLElement, bars: Bar[], formatValue: (n: number) => string, caption: string): void {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const list = el('ul', { class: 'bars', 'aria-label': caption });
  for (const b of bars) {
    const name = b.onPick ? el('button', { type: 'button', class: 'bar-label linklike' }, b.label) : el('span', { class: 'bar-label' }, b.label);
    if (b.onPick) name.addEventListener('click', b.onPick);
    const width = b.value === 0 ? 0 : Math.max(1, (b.value / max) * 100);
    list.append(
      el(
        'li',
        {},
        el('span', { class: 'bar-name' }, name, b.note ? el('span', { class: 'bar-note' }, ` ${b.note}`) : null),
        el('span', { class: 'bar-track' }, fill(width, b.color), el('span', { class: 'bar-value' }, formatValue(b.value))),
      ),
    );
  }
  target.replaceChildren(list);
}
