/**
 * Process-wide counters and gauges for `GET /metrics` (Prometheus text format 0.0.4).
 * Modules increment what they own; the API renders the lot. No dependency: a handful of
 * numbers does not need a client library.
 */
type Labels = Record<string, string>;

interface Series {
  help: string;
  type: 'counter' | 'gauge';
  values: Map<string, { labels: Labels; value: number }>;
}

const registry = new Map<string, Series>();

const keyOf = (labels: Labels): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');

function series(name: string, help: string, type: Series['type']): Series {
  let s = registry.get(name);
  if (!s) {
    s = { help, type, values: new Map() };
    registry.set(name, s);
  }
  return s;
}

/** A monotonically increasing count, e.g. items fetched. */
export function counter(name: string, help: string) {
  const s = series(name, help, 'counter');
  return {
    inc(labels: Labels = {}, by = 1): void {
      const k = keyOf(labels);
      const cur = s.values.get(k) ?? { labels, value: 0 };
      cur.value += by;
      s.values.set(k, cur);
    },
  };
}

/** A value that goes up and down, e.g. outbox depth; `set` replaces it. */
export function gauge(name: string, help: string) {
  const s = series(name, help, 'gauge');
  return {
    set(value: number, labels: Labels = {}): void {
      s.values.set(keyOf(labels), { labels, value });
    },
  };
}

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The whole registry in Prometheus text exposition format. */
export function renderMetrics(): string {
  const lines: string[] = [];
  for (const [name, s] of registry) {
    lines.push(`# HELP ${name} ${s.help}`, `# TYPE ${name} ${s.type}`);
    if (s.values.size === 0) lines.push(`${name} 0`);
    for (const { labels, value } of s.values.values()) {
      const l = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
      lines.push(`${name}${l.length ? `{${l.join(',')}}` : ''} ${value}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The metrics the monitor itself reports; others (alerts) live beside their owners. */
export const metrics = {
  itemsFetched: counter('nadzor_items_fetched_total', 'Feed items read from feeds'),
  articlesStored: counter('nadzor_articles_stored_total', 'New articles stored (after de-duplication)'),
  feedFetches: counter('nadzor_feed_fetches_total', 'Feed fetches by outcome (ok, not_modified, error)'),
  feedsOk: gauge('nadzor_feeds_ok', 'Feeds whose last read succeeded'),
  feedsFailing: gauge('nadzor_feeds_failing', 'Feeds whose last read failed (including paused ones)'),
  feedsPaused: gauge('nadzor_feeds_paused', 'Feeds paused after repeated failures'),
  alertsSent: counter('nadzor_alerts_sent_total', 'Alerts delivered, by target'),
  alertsFailed: counter('nadzor_alerts_failed_total', 'Alert delivery attempts that failed, by target'),
  outboxDepth: gauge('nadzor_outbox_depth', 'Alerts waiting in the outbox'),
  cycleSeconds: gauge('nadzor_cycle_duration_seconds', 'Duration of the last polling cycle'),
};
