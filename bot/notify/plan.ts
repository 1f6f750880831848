import type { OutboxAlert } from '../storage/alerts';
import type { SendRecord } from '../storage/deliveries';

/** One request's worth of alerts: a single alert, or several folded into a summary. */
export interface DeliveryUnit {
  kind: 'single' | 'summary';
  /** In queue order. */
  rows: OutboxAlert[];
  /** Idempotency key; a retry of the same unit reuses it. At most 25 characters (Discord's nonce). */
  nonce: string;
}

export const alertNonce = (alertId: number): string => `nw-a${alertId}`;
export const summaryNonce = (firstAlertId: number): string => `nw-s${firstAlertId}`;
export const digestNonce = (digestId: number): string => `nw-d${digestId}`;

/**
 * Splits a claimed batch into requests.
 *
 * First the alerts whose earlier attempt may have reached the destination (a record was
 * written before the request and no outcome after it): they are sent again exactly as before,
 * same grouping and same nonce, so Discord can recognise the repeat.
 *
 * Then the fresh ones. If more are due than `capacity` (what the destination's limits admit in
 * the folding horizon, minus the repeats), the first `capacity - 1` go one by one and the rest
 * fold into one summary, so a burst neither breaks the limits nor waits minutes, and nothing is
 * dropped. The order stays the queue order, so a story's first alert always precedes its
 * follow-ups.
 */
export function planDeliveries(rows: readonly OutboxAlert[], records: ReadonlyMap<number, SendRecord | null>, capacity: number): DeliveryUnit[] {
  const units: DeliveryUnit[] = [];
  const repeatGroups = new Map<string, DeliveryUnit>();
  const fresh: OutboxAlert[] = [];

  for (const row of rows) {
    const rec = records.get(row.id);
    if (!rec || rec.finishedAt !== null) {
      fresh.push(row);
      continue;
    }
    let unit = repeatGroups.get(rec.nonce);
    if (!unit) {
      unit = { kind: rec.folded ? 'summary' : 'single', rows: [], nonce: rec.nonce };
      repeatGroups.set(rec.nonce, unit);
      units.push(unit);
    }
    unit.rows.push(row);
  }

  const room = Math.max(0, capacity - units.length);
  if (fresh.length <= Math.max(room, 1)) {
    for (const row of fresh) units.push({ kind: 'single', rows: [row], nonce: alertNonce(row.id) });
    return units;
  }
  const singles = Math.max(0, room - 1);
  for (const row of fresh.slice(0, singles)) units.push({ kind: 'single', rows: [row], nonce: alertNonce(row.id) });
  const folded = fresh.slice(singles);
  units.push(
    folded.length === 1
      ? { kind: 'single', rows: folded, nonce: alertNonce(folded[0].id) }
      : { kind: 'summary', rows: folded, nonce: summaryNonce(folded[0].id) },
  );
  return units;
}
