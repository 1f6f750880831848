import { describe, expect, it } from 'vitest';
import { dayStartMs, localDay, localIso, nextDay, offsetMinutes } from './belgrade';

const belgradeZone = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Belgrade', timeZoneName: 'longOffset' });
const intlOffset = (ms: number) => {
  const parts = belgradeZone.formatToParts(new Date(ms));
  const name = parts.find((p) => p.type === 'timeZoneName')!.value; // "GMT+01:00"
  return Number(name.slice(4, 6)) * 60;
};

describe('Belgrade time', () => {
  it('agrees with the tz database every 13 hours from 1996 to 2040', () => {
    for (let ms = Date.UTC(1996, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 13 * 3_600_000) {
      expect(offsetMinutes(ms), new Date(ms).toISOString()).toBe(intlOffset(ms));
    }
  });

  it('agrees at the clock changes', () => {
    expect(offsetMinutes(Date.parse('2025-03-30T00:59:59.999Z'))).toBe(60);
    expect(offsetMinutes(Date.parse('2025-03-30T01:00:00.000Z'))).toBe(120);
    expect(offsetMinutes(Date.parse('2025-10-26T00:59:59.999Z'))).toBe(120);
    expect(offsetMinutes(Date.parse('2025-10-26T01:00:00.000Z'))).toBe(60);
  });

  it('starts days at Belgrade midnight and names instants by their Belgrade day', () => {
    expect(new Date(dayStartMs('2025-03-01')).toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(new Date(dayStartMs('2025-07-01')).toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(new Date(dayStartMs('2025-03-30')).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(new Date(dayStartMs('2025-10-26')).toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(localDay(Date.parse('2025-03-02T23:30:00Z'))).toBe('2025-03-03');
    expect(localIso(Date.parse('2025-03-03T09:00:00.000Z'))).toBe('2025-03-03T10:00:00+01:00');
    expect(localIso(Date.parse('2025-07-03T09:00:00.123Z'))).toBe('2025-07-03T11:00:00+02:00');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });
});
