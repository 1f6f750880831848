/**
 * One timestamp format for every stored instant: `YYYY-MM-DDTHH:MM:SS.sssZ`. Storage compares
 * instants as strings (due feeds, due alerts, date ranges), which is only correct when all of
 * them share this exact shape, so every write goes through here. Throws on an unparsable input
 * rather than storing something that sorts wrongly.
 */
export function toIso(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a valid instant: ${String(at)}`);
  return date.toISOString();
}
