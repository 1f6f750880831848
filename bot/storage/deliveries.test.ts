import { describe, expect, it } from 'vitest';
import { createDeliveriesRepo } from './deliveries';
import type { Storage } from './index';
import { article, tempStorage } from './testdata/temp-storage';

const T0 = '2025-03-01T12:00:00.000Z';
const plus = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

async function alertFor(storage: Storage, n: number, target: string, storyId: number | null = null, kind: 'new' | 'follow-up' = 'new') {
  return await storage.transaction(async () => {
    const articleId = (await storage.articles.insert(article(n, { storyId })))!;
    return (await storage.alerts.enqueue({ articleId, storyId, kind, target, at: T0 }))!;
  });
}

describe('send records', () => {
  it('records before and after, and a new attempt reopens the record', async () => {
    const { storage } = await tempStorage();
    const d = createDeliveriesRepo(storage.db);
    const a = await alertFor(storage, 1, 'discord');
    const b = await alertFor(storage, 2, 'discord');
    expect(await d.sendRecord(a)).toBeNull();
    await d.beginSend([a, b], 'nw-s1', true, T0);
    expect(await d.sendRecord(a)).toEqual({ alertId: a, nonce: 'nw-s1', folded: true, startedAt: T0, finishedAt: null });
    await d.finishSend([a, b], plus(10));
    expect((await d.sendRecord(b))?.finishedAt).toBe(plus(10));
    await d.beginSend([a], 'nw-a1', false, plus(20));
    expect(await d.sendRecord(a)).toMatchObject({ nonce: 'nw-a1', folded: false, finishedAt: null });
  });

  it('finds the alert that announced a story, skipping ones that failed for good', async () => {
    const { storage } = await tempStorage();
    const d = createDeliveriesRepo(storage.db);
    const story = await storage.stories.create('Priča', T0, [1]);
    const first = await alertFor(storage, 1, 'telegram', story);
    await alertFor(storage, 2, 'telegram', story, 'follow-up');
    expect(await d.firstAlertOfStory(story, 'telegram')).toMatchObject({ alertId: first, status: 'pending', remoteId: null, folded: false });
    expect(await d.firstAlertOfStory(story, 'discord')).toBeNull();
    await storage.alerts.claimDue('telegram', T0, 1);
    await d.beginSend([first], 'nw-s9', true, T0);
    await storage.alerts.markSent(first, '77', T0);
    expect(await d.firstAlertOfStory(story, 'telegram')).toMatchObject({ status: 'sent', remoteId: '77', folded: true });
    await storage.alerts.markFailed(first, 'gone', null);
    expect(await d.firstAlertOfStory(story, 'telegram')).toBeNull();
  });

  it('lists the targets with due work and releases claims left by a dead process', async () => {
    const { storage } = await tempStorage();
    const d = createDeliveriesRepo(storage.db);
    await alertFor(storage, 1, 'discord');
    await alertFor(storage, 2, 'telegram');
    await d.enqueueDigest({ target: 'telegram:5', period: 'daily', periodStart: T0, periodEnd: plus(86_400_000), body: '{}', at: T0 });
    expect(await d.dueTargets(T0)).toEqual(['discord', 'telegram', 'telegram:5']);
    await storage.alerts.claimDue('discord', T0, 10, 60_000);
    await d.claimDigests('telegram:5', T0, 10, 60_000);
    expect(await d.dueTargets(plus(1000))).toEqual(['telegram']);
    expect(await d.releaseClaims(plus(1000))).toBe(2);
    expect(await d.dueTargets(plus(1000))).toEqual(['discord', 'telegram', 'telegram:5']);
  });
});

describe('digests outbox', () => {
  it('queues one digest per target and period, claims, and marks the outcome', async () => {
    const { storage } = await tempStorage();
    const d = createDeliveriesRepo(storage.db);
    const digest = { target: 'discord', period: 'weekly' as const, periodStart: T0, periodEnd: plus(7 * 86_400_000), body: '{"n":1}', at: T0 };
    const id = (await d.enqueueDigest(digest))!;
    expect(await d.enqueueDigest(digest)).toBeNull();
    expect(await d.pendingDigests()).toBe(1);
    const [claimed] = await d.claimDigests('discord', T0, 5);
    expect(claimed).toMatchObject({ id, status: 'sending', attempts: 1, body: '{"n":1}' });
    expect(await d.claimDigests('discord', T0, 5)).toEqual([]);
    await d.beginDigestSend(id, T0);
    expect((await d.getDigest(id))?.sendStartedAt).toBe(T0);
    await d.markDigestFailed(id, 'HTTP 502', plus(30_000));
    expect(await d.getDigest(id)).toMatchObject({ status: 'pending', lastError: 'HTTP 502', nextAttemptAt: plus(30_000), sendStartedAt: null });
    await d.claimDigests('discord', plus(30_000), 5);
    await d.markDigestSent(id, 'm1', plus(31_000));
    expect(await d.getDigest(id)).toMatchObject({ status: 'sent', remoteId: 'm1', sentAt: plus(31_000), attempts: 2 });
    expect(await d.pendingDigests()).toBe(0);
    await expect(d.markDigestSent(id + 1, null, T0)).rejects.toThrow(/unknown digest/);
  });
});
