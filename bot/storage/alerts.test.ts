import { describe, expect, it } from 'vitest';
import type { Storage } from './index';
import { article, tempStorage } from './testdata/temp-storage';

const T0 = '2025-03-01T12:00:00.000Z';
const plus = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

/** An article and its alert in one transaction, as the processor does it. */
async function articleWithAlert(storage: Storage, n: number, target = 'console', storyId: number | null = null) {
  return await storage.transaction(async () => {
    const articleId = (await storage.articles.insert(article(n, { storyId })))!;
    const alertId = (await storage.alerts.enqueue({ articleId, storyId, kind: 'new', target, at: T0 }))!;
    return { articleId, alertId };
  });
}

describe('alerts outbox', () => {
  it('enqueues once per article and target', async () => {
    const { storage } = await tempStorage();
    const { articleId, alertId } = await articleWithAlert(storage, 1);
    expect(await storage.alerts.enqueue({ articleId, storyId: null, kind: 'new', target: 'console', at: T0 })).toBeNull();
    expect(await storage.alerts.enqueue({ articleId, storyId: null, kind: 'new', target: 'discord', at: T0 })).toBeTypeOf('number');
    expect(await storage.alerts.get(alertId)).toMatchObject({ status: 'pending', attempts: 0, createdAt: T0, nextAttemptAt: T0 });
    expect(await storage.alerts.pendingCount()).toBe(2);
    expect(await storage.alerts.pendingCount('discord')).toBe(1);
  });

  it('rolls the article back when the alert cannot be written, and the other way round', async () => {
    const { storage } = await tempStorage();
    await expect(
      storage.transaction(async () => {
        await storage.articles.insert(article(1));
        await storage.alerts.enqueue({ articleId: 999, storyId: null, kind: 'new', target: 'console', at: T0 });
      }),
    ).rejects.toThrow(/foreign key/i);
    expect(await storage.articles.count()).toBe(0);
  });

  it('claims due alerts for one target in queue order and marks them sending', async () => {
    const { storage } = await tempStorage();
    const a = (await articleWithAlert(storage, 1)).alertId;
    const b = (await articleWithAlert(storage, 2)).alertId;
    await articleWithAlert(storage, 3, 'telegram');
    const later = await storage.transaction(async () => {
      const articleId = (await storage.articles.insert(article(4)))!;
      return (await storage.alerts.enqueue({ articleId, storyId: null, kind: 'new', target: 'console', at: T0, notBefore: plus(60_000) }))!;
    });

    const claimed = await storage.alerts.claimDue('console', T0, 10);
    expect(claimed.map((x) => x.id)).toEqual([a, b]);
    expect(claimed.every((x) => x.status === 'sending' && x.attempts === 1)).toBe(true);
    // Claimed rows are not handed out twice.
    expect(await storage.alerts.claimDue('console', T0, 10)).toEqual([]);
    expect((await storage.alerts.claimDue('console', plus(60_000), 10)).map((x) => x.id)).toEqual([later]);
    expect(await storage.alerts.pendingCount('console')).toBe(3);
  });

  it('respects the limit', async () => {
    const { storage } = await tempStorage();
    for (let n = 1; n <= 5; n++) await articleWithAlert(storage, n);
    expect(await storage.alerts.claimDue('console', T0, 2)).toHaveLength(2);
    expect(await storage.alerts.claimDue('console', T0, 10)).toHaveLength(3);
  });

  it('marks sent with the remote id', async () => {
    const { storage } = await tempStorage();
    const { alertId } = await articleWithAlert(storage, 1);
    await storage.alerts.claimDue('console', T0, 1);
    await storage.alerts.markSent(alertId, 'msg-42', plus(1000));
    expect(await storage.alerts.get(alertId)).toMatchObject({ status: 'sent', remoteId: 'msg-42', sentAt: plus(1000) });
    expect(await storage.alerts.pendingCount()).toBe(0);
    expect(await storage.alerts.claimDue('console', plus(3_600_000), 10)).toEqual([]);
    await expect((async () => await storage.alerts.markSent(alertId + 1, null, T0))()).rejects.toThrow(/unknown alert/);
  });

  it('retries a failed attempt at retryAt, and gives up when there is none', async () => {
    const { storage } = await tempStorage();
    const { alertId } = await articleWithAlert(storage, 1);
    await storage.alerts.claimDue('console', T0, 1);
    await storage.alerts.markFailed(alertId, 'HTTP 502', plus(30_000));
    expect(await storage.alerts.get(alertId)).toMatchObject({ status: 'pending', lastError: 'HTTP 502', nextAttemptAt: plus(30_000) });
    expect(await storage.alerts.claimDue('console', plus(29_999), 1)).toEqual([]);
    expect((await storage.alerts.claimDue('console', plus(30_000), 1))[0]).toMatchObject({ id: alertId, attempts: 2 });

    await storage.alerts.markFailed(alertId, 'HTTP 403 channel gone', null);
    expect(await storage.alerts.get(alertId)).toMatchObject({ status: 'failed', lastError: 'HTTP 403 channel gone' });
    expect(await storage.alerts.pendingCount()).toBe(0);
    expect(await storage.alerts.claimDue('console', '2030-01-01T00:00:00Z', 1)).toEqual([]);
  });

  it('retakes an alert whose claim lapsed, as after a crash mid-send', async () => {
    const { storage } = await tempStorage();
    const { alertId } = await articleWithAlert(storage, 1);
    await storage.alerts.claimDue('console', T0, 1, 60_000);
    expect(await storage.alerts.claimDue('console', plus(59_999), 1)).toEqual([]);
    expect((await storage.alerts.claimDue('console', plus(60_000), 1))[0]).toMatchObject({ id: alertId, attempts: 2 });
  });

  it('knows whether a story already has a new alert for a target', async () => {
    const { storage } = await tempStorage();
    const story = await storage.stories.create('Priča', T0, [1]);
    expect(await storage.alerts.alreadyAlertedStory(story, 'console')).toBe(false);
    const { alertId } = await articleWithAlert(storage, 1, 'console', story);
    expect(await storage.alerts.alreadyAlertedStory(story, 'console')).toBe(true);
    expect(await storage.alerts.alreadyAlertedStory(story, 'telegram')).toBe(false);

    // A follow-up alone does not count as having announced the story.
    const other = await storage.stories.create('Druga', T0, [2]);
    await storage.transaction(async () => {
      const articleId = (await storage.articles.insert(article(2, { storyId: other })))!;
      await storage.alerts.enqueue({ articleId, storyId: other, kind: 'follow-up', target: 'console', at: T0 });
    });
    expect(await storage.alerts.alreadyAlertedStory(other, 'console')).toBe(false);

    // Neither does a 'new' alert that failed for good.
    await storage.alerts.markFailed(alertId, 'gone', null);
    expect(await storage.alerts.alreadyAlertedStory(story, 'console')).toBe(false);
  });
});
