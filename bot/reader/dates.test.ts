import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate, toIsoDate } from './dates';

interface DateCase {
  input: string;
  expected: string | null;
  feedparser_function: string;
  comment: string;
}

const CASES = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../shared/peer-feeds/dates.json'), 'utf8'),
) as DateCase[];

/**
 * Cases we knowingly answer differently. "22013" has the same shape as "03335", which the
 * suite expects as a 2-digit-year ordinal date (YYDDD, 2003-12-01): one of the two must
 * fail, and we keep the ISO 8601 reading.
 */
const KNOWN_DATE_DEVIATIONS: Record<string, string> = {
  '22013': 'same YYDDD shape as "03335", which the suite accepts; feedparser uses two different parsers for them',
};

const iso = (s: string): string | null => toIsoDate(s)?.replace(/\.\d{3}Z$/, 'Z') ?? null;

describe('parseDate over peer-feeds dates.json', () => {
  it('passes the cases, reporting the rate', () => {
    const failed = CASES.filter((c) => iso(c.input) !== c.expected);
    console.log(`dates.json: ${CASES.length - failed.length}/${CASES.length} pass`);
    for (const c of failed) console.log(`  ${JSON.stringify(c.input)}: got ${iso(c.input)}, expected ${c.expected}`);
    expect(CASES).toHaveLength(64);
    expect(failed.map((c) => c.input).sort()).toEqual(Object.keys(KNOWN_DATE_DEVIATIONS).sort());
  });
});

describe('parseDate', () => {
  it.each([
    ['Tue, 14 Jan 2025 09:15:00 +0100', '2025-01-14T08:15:00Z'],
    ['Tue, 14 Jan 2025 09:15:00 CET', '2025-01-14T08:15:00Z'],
    ['Mon, 14 Jul 2025 09:15:00 CEST', '2025-07-14T07:15:00Z'],
    ['Tue, 14 Jan 25 09:15 GMT', '2025-01-14T09:15:00Z'],
    ['2025-01-14T09:15:00+01:00', '2025-01-14T08:15:00Z'],
    ['2025-01-14 09:15:00', '2025-01-14T09:15:00Z'],
    ['14. januar 2025. 10:00', '2025-01-14T10:00:00Z'],
    ['Уторак, 14. јануар 2025. 10:00 CET', '2025-01-14T09:00:00Z'],
    ['uto, 14 maj 2024 10:00:00 +0200', '2024-05-14T08:00:00Z'],
  ])('%s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each(['', 'soon', '2025-13-01', '31 Feb 2025', 'Tue, 14 Jan 2025 25:00:00 GMT'])('rejects %j', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('keeps years below 100 as they are', () => {
    expect(toIsoDate('Thu, 01 Jan 0100 00:00:01 +0100')).toBe('0099-12-31T23:00:01.000Z');
  });
});
