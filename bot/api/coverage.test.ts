import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempStorage, testBackend } from '../storage/testdata/temp-storage';
import { bucketOf, bucketSql, INTERVALS, MAX_BUCKETS, nextBucket, periodBuckets } from './coverage';

describe('coverage buckets (Belgrade time)', () => {
  it('puts an instant in its Belgrade day, ISO week and month', () => {
    expect(bucketOf('2025-03-05T22:59:59.999Z', 'day')).toBe('2025-03-05');
    expect(bucketOf('2025-03-05T23:00:00.000Z', 'day')).toBe('2025-03-06'); // midnight in Belgrade
    expect(bucketOf('2025-03-05T10:00:00.000Z', 'week')).toBe('2025-03-03');
    expect(bucketOf('2025-03-02T23:30:00.000Z', 'week')).toBe('2025-03-03'); // Monday 00:30 in Belgrade
    expect(bucketOf('2025-03-09T22:00:00.000Z', 'week')).toBe('2025-03-03');
    expect(bucketOf('2025-01-01T00:00:00.000Z', 'week')).toBe('2024-12-30');
    expect(bucketOf('2025-03-31T22:30:00.000Z', 'month')).toBe('2025-04-01');
  });

  it('steps to the next bucket', () => {
    expect(nextBucket('2024-12-30', 'week')).toBe('2025-01-06');
    expect(nextBucket('2025-12-01', 'month')).toBe('2026-01-01');
    expect(nextBucket('2024-02-28', 'day')).toBe('2024-02-29');
  });

  it('keeps the period exact and marks partial first and last buckets', () => {
    // 1–31 March in Belgrade: whole months, so nothing is partial.
    expect(periodBuckets('2025-02-28T23:00:00.000Z', '2025-03-31T21:59:59.999Z', 'month')).toEqual({
      from: '2025-02-28T23:00:00.000Z',
      to: '2025-03-31T21:59:59.999Z',
      buckets: ['2025-03-01'],
      partial: [],
    });
    // Wednesday to the next Tuesday: both weeks partial, the period unchanged.
    expect(periodBuckets('2025-03-04T23:00:00.000Z', '2025-03-11T22:59:59.999Z', 'week')).toEqual({
      from: '2025-03-04T23:00:00.000Z',
      to: '2025-03-11T22:59:59.999Z',
      buckets: ['2025-03-03', '2025-03-10'],
      partial: ['2025-03-03', '2025-03-10'],
    });
    expect(periodBuckets('2000-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'day')).toBeNull();
    expect(periodBuckets('2020-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'day')!.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it('computes the same bucket in SQL as in JavaScript, across clock changes, for two years', async () => {
    const days: string[] = [];
    for (let t = Date.UTC(2023, 11, 1); t < Date.UTC(2026, 0, 15); t += 86_400_000 + 3_600_000 * 7 + 60_000 * 13) days.push(new Date(t).toISOString());
    // Around midnight of the clock-change days, where a wrong offset shows.
    days.push('2025-03-29T22:59:00.000Z', '2025-03-29T23:00:00.000Z', '2025-10-25T21:59:00.000Z', '2025-10-25T22:00:00.000Z', '2025-10-26T22:59:00.000Z', '2025-10-26T23:00:00.000Z');
    const period = { from: '2023-11-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
    if (testBackend === 'postgres') {
      // The same instants through the PostgreSQL expression, in a table of their own.
      const { storage } = await tempStorage();
      await storage.db.exec('CREATE TABLE bucket_days (n INTEGER PRIMARY KEY, published TEXT, fetched_at TEXT)');
      for (const [n, iso] of days.entries()) await storage.db.run('INSERT INTO bucket_days VALUES (?, ?, ?)', [n, iso, '2000-01-01T00:00:00.000Z']);
      for (const interval of INTERVALS) {
        const rows = await storage.db.all<{ b: string }>(`SELECT ${bucketSql(interval, period, 'postgres')} AS b FROM bucket_days a ORDER BY n`);
        expect(rows.map((r) => r.b), interval).toEqual(days.map((d) => bucketOf(d, interval)));
      }
      return;
    }
    const db = new Database(':memory:');
    db.exec('CREATE TABLE articles (published TEXT, fetched_at TEXT)');
    const insert = db.prepare('INSERT INTO articles VALUES (?, ?)');
    for (const iso of days) insert.run(iso, '2000-01-01T00:00:00.000Z');
    for (const interval of INTERVALS) {
      const sql = db.prepare(`SELECT ${bucketSql(interval, period)} AS b FROM articles a ORDER BY rowid`).pluck().all() as string[];
      expect(sql, interval).toEqual(days.map((d) => bucketOf(d, interval)));
    }
    db.close();
  });
});
