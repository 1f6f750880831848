import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { alignPeriod, bucketOf, bucketSql, INTERVALS, MAX_BUCKETS, nextBucket } from './coverage';

describe('buckets', () => {
  it('names each bucket by its first day: the day, the Monday, the 1st', () => {
    expect(bucketOf('2025-03-05T23:59:59.999Z', 'day')).toBe('2025-03-05');
    expect(bucketOf('2025-03-05T10:00:00.000Z', 'week')).toBe('2025-03-03');
    expect(bucketOf('2025-03-03T00:00:00.000Z', 'week')).toBe('2025-03-03');
    expect(bucketOf('2025-03-09T23:00:00.000Z', 'week')).toBe('2025-03-03');
    expect(bucketOf('2025-01-01T00:00:00.000Z', 'week')).toBe('2024-12-30');
    expect(bucketOf('2025-03-31T12:00:00.000Z', 'month')).toBe('2025-03-01');
  });

  it('steps to the next bucket across month and year ends', () => {
    expect(nextBucket('2025-01-31', 'day')).toBe('2025-02-01');
    expect(nextBucket('2024-12-30', 'week')).toBe('2025-01-06');
    expect(nextBucket('2024-12-01', 'month')).toBe('2025-01-01');
  });

  it('widens a period to whole buckets and lists them', () => {
    expect(alignPeriod('2025-03-01T00:00:00.000Z', '2025-03-31T23:59:59.999Z', 'month')).toEqual({
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-31T23:59:59.999Z',
      buckets: ['2025-03-01'],
    });
    expect(alignPeriod('2025-03-05T10:00:00.000Z', '2025-03-11T00:00:00.000Z', 'week')).toEqual({
      from: '2025-03-03T00:00:00.000Z',
      to: '2025-03-16T23:59:59.999Z',
      buckets: ['2025-03-03', '2025-03-10'],
    });
    expect(alignPeriod('2000-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'day')).toBeNull();
    expect(alignPeriod('2020-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'day')!.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it('computes the same bucket in SQL as in JavaScript, for every day of two years', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE articles (published TEXT, fetched_at TEXT)');
    const insert = db.prepare('INSERT INTO articles VALUES (?, ?)');
    const days: string[] = [];
    for (let t = Date.UTC(2023, 11, 1); t < Date.UTC(2026, 0, 15); t += 86_400_000 + 3_600_000 * 7) {
      const iso = new Date(t).toISOString();
      days.push(iso);
      insert.run(iso, '2000-01-01T00:00:00.000Z');
    }
    for (const interval of INTERVALS) {
      const sql = db.prepare(`SELECT ${bucketSql(interval)} AS b FROM articles a ORDER BY rowid`).pluck().all() as string[];
      expect(sql, interval).toEqual(days.map((d) => bucketOf(d, interval)));
    }
    db.close();
  });
});
