/**
 * The dashboard's two kinds of chart, both uPlot (bundled from node_modules): lines over time
 * and horizontal bars for categories. uPlot draws on a canvas and puts labels in with
 * textContent, so outlet and organisation names cannot inject markup.
 */
import uPlot from 'uplot';

/** Colour-blind-safe palette (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

const AXIS = { stroke: '#444', grid: { stroke: '#e4e4e4', width: 1 }, ticks: { stroke: '#ccc', width: 1 } };

export interface TimeSeries {
  label: string;
  values: number[];
}

/**
 * Lines over time. `x` are bucket starts in seconds (UTC); `formatX` labels the axis and the
 * legend. Returns the chart; the caller destroys it before drawing the next.
 */
export function timeChart(
  target: HTMLElement,
  x: number[],
  series: TimeSeries[],
  formatX: (seconds: number) => string,
  options: { height?: number; fillFirst?: boolean; xLabel?: string } = {},
): uPlot {
  const opts: uPlot.Options = {
    width: Math.max(280, target.clientWidth),
    height: options.height ?? 240,
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.15))] } },
    axes: [
      { ...AXIS, values: (_u, splits) => splits.map(formatX), space: 60 },
      { ...AXIS, size: 48, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
    ],
    series: [
      { label: options.xLabel ?? '', value: (_u, v) => (v == null ? '–' : formatX(v)) },
      ...series.map((s, i) => ({
        label: s.label,
        stroke: PALETTE[i % PALETTE.length],
        width: 2,
        fill: i === 0 && options.fillFirst ? `${PALETTE[0]}22` : undefined,
        points: { show: x.length <= 60, size: 5 },
        value: (_u: uPlot, v: number | null) => (v == null ? '–' : String(v)),
      })),
    ],
    cursor: { drag: { x: false, y: false } },
  };
  return new uPlot(opts, [x, ...series.map((s) => s.values)], target);
}

let measure: CanvasRenderingContext2D | null = null;

/** Width in CSS pixels of the widest label in uPlot's axis font, for the category axis. */
function labelWidth(labels: string[]): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return 8 * Math.max(0, ...labels.map((l) => l.length));
  measure.font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  return Math.max(0, ...labels.map((l) => measure!.measureText(l).width));
}

/** Horizontal bars, one per category, largest first, labelled on the left. */
export function barChart(
  target: HTMLElement,
  labels: string[],
  values: number[],
  names: { category: string; value: string },
  color = PALETTE[0],
): uPlot {
  const n = Math.max(1, labels.length);
  const index = labels.map((_, i) => i);
  const short = (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s);
  const axisSize = Math.ceil(Math.min(240, Math.max(60, labelWidth(labels.map(short)) + 22)));
  const opts: uPlot.Options = {
    width: Math.max(280, target.clientWidth),
    height: 70 + n * 28,
    // Category axis vertical (ori 1), value axis horizontal: names stay readable.
    scales: {
      x: { time: false, ori: 1, dir: -1, range: [-0.6, n - 0.4] },
      y: { ori: 0, range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] },
    },
    axes: [
      {
        ...AXIS,
        side: 3,
        grid: { show: false },
        size: axisSize,
        splits: () => index,
        values: (_u, splits) => splits.map((i) => short(labels[i] ?? '')),
      },
      { ...AXIS, side: 2, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
    ],
    series: [
      { label: names.category, value: (_u, i) => (i == null ? '–' : (labels[i] ?? '')) },
      {
        label: names.value,
        fill: color,
        stroke: color,
        width: 0,
        paths: uPlot.paths.bars!({ size: [0.7, 22] }),
        points: { show: false },
      },
    ],
    cursor: { drag: { x: false, y: false }, points: { show: false } },
  };
  return new uPlot(opts, [index, values], target);
}
