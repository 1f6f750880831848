/**
 * Belgrade time (Europe/Belgrade) for periods, buckets and exports. A press officer's "March"
 * or "Monday" is a Belgrade one: 1 March starts at 00:00 in Belgrade (23:00 UTC the day
 * before), and an article published at 00:30 on a Monday belongs to that Monday's week.
 *
 * Serbia keeps the EU rule: UTC+1, and UTC+2 from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October. The rule is computed here (in JS and as SQL over a
 * known period) rather than looked up per row, so coverage queries stay on their index.
 * Intl's tz database agrees with it for every year since 1996 (see belgrade.test.ts).
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The last Sunday of a month (0-based) at 01:00 UTC: when Belgrade changes its clocks. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Summer time of a year, as [start, end) in UTC milliseconds. */
export function summerTime(year: number): [number, number] {
  return [lastSundayAt1Utc(year, 2), lastSundayAt1Utc(year, 9)];
}

/** Belgrade's offset from UTC at an instant, in minutes (60 or 120). */
export function offsetMinutes(ms: number): number {
  const [start, end] = summerTime(new Date(ms).getUTCFullYear());
  return ms >= start && ms < end ? 120 : 60;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYY-MM-DD of a calendar day given as UTC fields. */
const dayString = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The Belgrade calendar day (YYYY-MM-DD) of an instant. */
export function localDay(ms: number): string {
  return dayString(new Date(ms + offsetMinutes(ms) * 60_000));
}

/**
 * The instant as ISO 8601 in Belgrade time, to the second: "2025-03-03T10:00:00+01:00".
 * Milliseconds are left out: no report needs them and they make dates hard to read.
 */
export function localIso(ms: number): string {
  const offset = offsetMinutes(ms);
  const d = new Date(ms + offset * 60_000);
  return `${dayString(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+${pad(offset / 60)}:00`;
}

/** ISO instant strings ("…T09:00:00.000Z") as Belgrade ISO without milliseconds; null stays null. */
export function localIsoOf(iso: string | null): string | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : localIso(ms);
}

/**
 * When a Belgrade day (YYYY-MM-DD) starts, in UTC milliseconds. Clocks change at 02:00 or
 * 03:00 local time, never at midnight, so the offset an hour before midnight UTC is the
 * offset at local midnight.
 */
export function dayStartMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  return utcMidnight - offsetMinutes(utcMidnight - HOUR_MS) * 60_000;
}

/** The calendar day after `day`. */
export function nextDay(day: string, days = 1): string {
  const [y, m, d] = day.split('-').map(Number);
  return dayString(new Date(Date.UTC(y, m - 1, d) + days * DAY_MS));
}

/** The stored form of instants (what the articles table holds): ISO UTC with milliseconds. */
export const storedIso = (ms: number) => new Date(ms).toISOString();

/**
 * SQL that turns a stored UTC instant (`expr`, "…T09:00:00.000Z") into Belgrade local time, as
 * SQLite date-function arguments: `expr, '+1 hours'` or `expr, '+2 hours'`, chosen by the clock
 * changes between `fromMs` and `toMs` (a CASE over literal instants: string comparisons only).
 */
export function localTimeArgs(expr: string, fromMs: number, toMs: number): string {
  const changes: string[] = [];
  const first = new Date(fromMs).getUTCFullYear();
  const last = new Date(toMs).getUTCFullYear();
  for (let y = first; y <= last; y++) {
    const [start, end] = summerTime(y);
    changes.push(`WHEN ${expr} < '${storedIso(start)}' THEN '+1 hours'`, `WHEN ${expr} < '${storedIso(end)}' THEN '+2 hours'`);
  }
  return `${expr}, CASE ${changes.join(' ')} ELSE '+1 hours' END`;
}
