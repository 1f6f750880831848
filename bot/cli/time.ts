/** The zone the CLI shows times in: the outlets' and the operators' own. */
export const CLI_TIME_ZONE = 'Europe/Belgrade';

const FORMAT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: CLI_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A stored ISO time as Belgrade local time, to the second: "2026-03-05 14:07:09". The Swedish
 * locale writes exactly this ISO-like order. Null, empty or unparsable input gives `fallback`.
 */
export function belgradeTime(iso: string | null | undefined, fallback = '-'): string {
  if (!iso) return fallback;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return fallback;
  return FORMAT.format(new Date(ms));
}
