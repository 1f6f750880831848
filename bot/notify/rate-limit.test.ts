import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../test/fakes/virtual-clock';
import { alertNonce, planDeliveries } from './plan';
import { RateLimiter } from './rate-limit';
import type { OutboxAlert } from '../storage/alerts';
import type { SendRecord } from '../storage/deliveries';

const FIVE_PER_5S = [{ key: 'c', limit: 5, windowMs: 5_000 }];

describe('RateLimiter', () => {
  it('admits up to the limit at once, then waits for the window to slide', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(clock, 0);
    const start = clock.now();
    const at: number[] = [];
    for (let i = 0; i < 12; i++) {
      await limiter.acquire(FIVE_PER_5S);
      at.push(clock.now() - start);
    }
    expect(at).toEqual([0, 0, 0, 0, 0, 5000, 5000, 5000, 5000, 5000, 10000, 10000]);
  });

  it('applies every window and shares keys across callers', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(clock, 0);
    const group = [
      { key: 'chat', limit: 1, windowMs: 1_000 },
      { key: 'chat:minute', limit: 20, windowMs: 60_000 },
    ];
    for (let i = 0; i < 21; i++) await limiter.acquire(group);
    // 20 in the first 19 s, the 21st waits for the minute window.
    expect(clock.now() - Date.parse('2025-03-10T10:00:00.000Z')).toBe(60_000);
    expect(limiter.waitTime([{ key: 'chat', limit: 1, windowMs: 1_000 }])).toBe(1_000);
  });

  it('counts what fits in a horizon, and pauses after a 429', () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(clock, 0);
    expect(limiter.capacity(FIVE_PER_5S, 5_000)).toBe(5);
    expect(limiter.capacity([{ key: 't', limit: 1, windowMs: 1_000 }], 5_000)).toBe(5);
    expect(limiter.capacity([], 5_000)).toBe(1000);
    limiter.pause(['c'], clock.now() + 3_000);
    expect(limiter.waitTime(FIVE_PER_5S)).toBe(3_000);
    expect(limiter.capacity(FIVE_PER_5S, 5_000)).toBe(5);
    expect(limiter.capacity(FIVE_PER_5S, 2_000)).toBe(0);
  });
});

describe('planDeliveries', () => {
  const row = (id: number): OutboxAlert =>
    ({ id, articleId: id, storyId: null, kind: 'new', target: 'discord', status: 'sending', attempts: 1, createdAt: '', nextAttemptAt: '', lastError: null, remoteId: null, sentAt: null }) as OutboxAlert;
  const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1));
  const none = new Map<number, SendRecord | null>();

  it('sends one by one what fits, and folds the rest into one summary', () => {
    expect(planDeliveries(rows(5), none, 5).map((u) => u.kind)).toEqual(['single', 'single', 'single', 'single', 'single']);
    const plan = planDeliveries(rows(50), none, 5);
    expect(plan.map((u) => [u.kind, u.rows.length])).toEqual([['single', 1], ['single', 1], ['single', 1], ['single', 1], ['summary', 46]]);
    expect(plan[4].nonce).toBe('nw-s5');
    expect(planDeliveries(rows(3), none, 0).map((u) => u.kind)).toEqual(['summary']);
    expect(planDeliveries(rows(1), none, 0).map((u) => u.kind)).toEqual(['single']);
  });

  it('repeats an unfinished attempt first, with its nonce and grouping', () => {
    const records = new Map<number, SendRecord | null>([
      [3, { alertId: 3, nonce: 'nw-s3', folded: true, startedAt: 'x', finishedAt: null }],
      [4, { alertId: 4, nonce: 'nw-s3', folded: true, startedAt: 'x', finishedAt: null }],
      [1, { alertId: 1, nonce: alertNonce(1), folded: false, startedAt: 'x', finishedAt: 'y' }],
    ]);
    const plan = planDeliveries(rows(4), records, 5);
    expect(plan.map((u) => [u.kind, u.nonce, u.rows.map((r) => r.id)])).toEqual([
      ['summary', 'nw-s3', [3, 4]],
      ['single', 'nw-a1', [1]],
      ['single', 'nw-a2', [2]],
    ]);
  });
});
