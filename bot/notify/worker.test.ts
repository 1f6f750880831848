import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../test/fakes/virtual-clock';
import { DEFAULT_CLAIM_MS, type Storage } from '../storage/index';
import { tempStorage } from '../storage/testdata/temp-storage';
import { silentLogger } from '../log';
import { notifyRepos } from './repos';
import { scriptedNotifier } from './testdata/scripted-notifier';
import { seedAlert, T0 } from './testdata/seed';
import { startDeliveryWorker, type DeliveryWorkerOptions } from './worker';

const DISCORD_LIMITS = [{ key: 'discord:channel:1', limit: 5, windowMs: 5_000 }];

async function setup(extra: { limits?: typeof DISCORD_LIMITS; idempotent?: boolean } = {}) {
  const { storage, dir } = await tempStorage();
  const clock = virtualClock(T0);
  const a = scriptedNotifier('discord', { limits: extra.limits ?? DISCORD_LIMITS, idempotent: extra.idempotent ?? true, now: clock.now });
  const b = scriptedNotifier('telegram', { limits: [{ key: 'telegram:chat:1', limit: 1, windowMs: 1_000 }], now: clock.now });
  const start = (over: Partial<DeliveryWorkerOptions> = {}, s: Storage = storage) =>
    startDeliveryWorker({ storage: s, notifiers: [a.notifier, b.notifier], clock, pollMs: 3_600_000, logger: silentLogger, random: () => 0, ...over });
  return { storage, dir, clock, a, b, start };
}

/**
 * A restarted worker on SQLite releases the dead process's claims at start (one process per
 * file); on PostgreSQL open claims may be another live instance's, so a dead one's lapse after
 * the claim time instead (ARCHITECTURE.md). The same recovery, reached the way each backend
 * reaches it: on PostgreSQL the clock moves past the claim.
 */
function afterDeadClaimsLapse(storage: Storage, clock: { advance(ms: number): void }): void {
  if (storage.dialect === 'postgres') clock.advance(DEFAULT_CLAIM_MS);
}

describe('delivery worker', () => {
  it('delivers due alerts to each target and records the remote id and the outcome', async () => {
    const { storage, a, b, start } = await setup();
    const ids = await seedAlert(storage, 1, ['discord', 'telegram']);
    const worker = start();
    await worker.drain();
    expect(a.deliveredIds()).toEqual([ids.discord]);
    expect(b.deliveredIds()).toEqual([ids.telegram]);
    expect(await storage.alerts.get(ids.discord)).toMatchObject({ status: 'sent', remoteId: 'm100', attempts: 1 });
    expect(await notifyRepos(storage).deliveries.sendRecord(ids.discord)).toMatchObject({ nonce: `nw-a${ids.discord}`, folded: false });
    expect((await notifyRepos(storage).deliveries.sendRecord(ids.discord))?.finishedAt).not.toBeNull();
    expect(await storage.alerts.pendingCount()).toBe(0);
    await worker.stop();
  });

  it('retries a transient failure with backoff, in order, without holding up the other target', async () => {
    const { storage, clock, a, b, start } = await setup();
    const first = await seedAlert(storage, 1, ['discord', 'telegram']);
    const second = await seedAlert(storage, 2, ['discord', 'telegram']);
    a.failNext('transient');
    const worker = start();
    await worker.drain();
    expect(b.deliveredIds()).toEqual([first.telegram, second.telegram]);
    expect(a.deliveredIds()).toEqual([]);
    expect(await storage.alerts.get(first.discord)).toMatchObject({ status: 'pending', lastError: 'scripted transient' });
    // The rest of the batch waits with the failed one, so the order holds.
    expect((await storage.alerts.get(second.discord))?.nextAttemptAt).toBe((await storage.alerts.get(first.discord))?.nextAttemptAt);

    // First retry after 10 s (the other target's pacing moved the shared virtual clock too).
    const failedAt = Date.parse((await storage.alerts.get(first.discord))!.nextAttemptAt) - 10_000;
    expect(failedAt).toBeGreaterThanOrEqual(Date.parse(T0));
    clock.advance(failedAt + 9_999 - clock.now());
    await worker.drain();
    expect(a.deliveredIds()).toEqual([]);
    clock.advance(1);
    await worker.drain();
    expect(a.deliveredIds()).toEqual([first.discord, second.discord]);
    await worker.stop();
  });

  it("honours a 429's retry_after for the whole destination", async () => {
    const { storage, clock, a, start } = await setup();
    const first = await seedAlert(storage, 1, ['discord']);
    await seedAlert(storage, 2, ['discord']);
    a.failNext('rate-limited', { retryAfterMs: 2_500 });
    const worker = start();
    await worker.drain();
    expect(a.deliveredIds()).toEqual([]);
    expect((await storage.alerts.get(first.discord))?.nextAttemptAt).toBe(new Date(Date.parse(T0) + 2_500).toISOString());
    clock.advance(2_500);
    await worker.drain();
    expect(a.deliveredIds()).toHaveLength(2);
    expect(a.calls[0].at).toBeGreaterThanOrEqual(Date.parse(T0) + 2_500);
    await worker.stop();
  });

  it('gives up a message the destination refuses, and goes on with the next', async () => {
    const { storage, a, start } = await setup();
    const first = await seedAlert(storage, 1, ['discord']);
    const second = await seedAlert(storage, 2, ['discord']);
    a.failNext('rejected');
    const worker = start();
    await worker.drain();
    expect(await storage.alerts.get(first.discord)).toMatchObject({ status: 'failed' });
    expect(a.deliveredIds()).toEqual([second.discord]);
    await worker.stop();
  });

  it('keeps alerts for a destination that refuses us as a whole, and retries in 30 minutes', async () => {
    const { storage, clock, a, start } = await setup();
    const ids = await seedAlert(storage, 1, ['discord']);
    a.failNext('unavailable');
    const worker = start();
    await worker.drain();
    expect(await storage.alerts.get(ids.discord)).toMatchObject({ status: 'pending', nextAttemptAt: new Date(Date.parse(T0) + 30 * 60_000).toISOString() });
    clock.advance(30 * 60_000);
    await worker.drain();
    expect(a.deliveredIds()).toEqual([ids.discord]);
    await worker.stop();
  });

  it('folds a burst of 50 into a few singles and one summary, within the limit, dropping nothing', async () => {
    const { storage, a, start } = await setup();
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) ids.push((await seedAlert(storage, i + 1, ['discord'])).discord);
    const worker = start();
    await worker.drain();
    expect(a.calls.map((c) => c.kind)).toEqual(['send', 'send', 'send', 'send', 'summary']);
    expect(a.deliveredIds()).toEqual(ids);
    const summary = a.calls[4];
    expect(summary.kind === 'summary' && summary.nonce).toBe(`nw-s${ids[4]}`);
    expect(await storage.alerts.pendingCount()).toBe(0);
    expect(await notifyRepos(storage).deliveries.sendRecord(ids[49])).toMatchObject({ folded: true });
    // Never more than 5 requests in any 5 s.
    const times = a.calls.map((c) => c.at);
    for (let i = 5; i < times.length; i++) expect(times[i] - times[i - 5]).toBeGreaterThanOrEqual(5_000);
    await worker.stop();
  });

  it('sends a small batch one by one, paced to the limit', async () => {
    const { storage, b, start } = await setup();
    for (let n = 1; n <= 3; n++) await seedAlert(storage, n, ['telegram']);
    const worker = start();
    await worker.drain();
    expect(b.calls.map((c) => c.kind)).toEqual(['send', 'send', 'send']);
    expect(b.calls[2].at - b.calls[0].at).toBeGreaterThanOrEqual(2_000);
    await worker.stop();
  });

  it('hands a follow-up the first message to edit, and waits for it when it is still queued', async () => {
    const { storage, clock, a, start } = await setup();
    const story = await storage.stories.create('Priča', T0, [1]);
    const first = await seedAlert(storage, 1, ['discord'], { storyId: story, outlet: 'Prvi' });
    a.failNext('transient');
    const worker = start();
    await worker.drain();
    const follow = await seedAlert(storage, 2, ['discord'], { storyId: story, kind: 'follow-up', outlet: 'Drugi' });
    clock.advance(5_000);
    await worker.drain();
    // The target waits for its retry at +10 s as a whole; nothing overtakes the first alert.
    expect(a.deliveredIds()).toEqual([]);
    expect((await storage.alerts.get(follow.discord))?.status).toBe('pending');
    // A restarted worker has forgotten that wait; the follow-up still waits for its first alert.
    await worker.stop();
    const restarted = start();
    await restarted.drain();
    expect(a.deliveredIds()).toEqual([]);
    expect((await storage.alerts.get(follow.discord))?.lastError).toBe("waiting for the story's first alert");
    clock.advance(10_000);
    await restarted.drain();
    expect(a.deliveredIds()).toEqual([first.discord, follow.discord]);
    const call = a.calls[1];
    expect(call.kind === 'send' && call.message.story).toMatchObject({ outlets: ['Prvi', 'Drugi'], firstRemoteId: 'm100' });
    expect(call.kind === 'send' && call.message.story.first?.article.outlet).toBe('Prvi');
    await restarted.stop();
  });

  it('gives a follow-up no message to edit when the first alert went out in a summary', async () => {
    const { storage, a, start } = await setup();
    const story = await storage.stories.create('Priča', T0, [1]);
    for (let n = 1; n <= 10; n++) await seedAlert(storage, n, ['discord'], { storyId: n === 9 ? story : null });
    const worker = start();
    await worker.drain();
    await seedAlert(storage, 11, ['discord'], { storyId: story, kind: 'follow-up', outlet: 'Drugi' });
    await worker.drain();
    const last = a.calls.at(-1)!;
    expect(last.kind === 'send' && last.message.story.firstRemoteId).toBeNull();
    await worker.stop();
  });

  it('after a crash, repeats an alert whose outcome was not recorded, with the same nonce', async () => {
    const { storage, clock, a, start } = await setup();
    const ids = await seedAlert(storage, 1, ['discord']);
    const second = await seedAlert(storage, 2, ['discord']);
    // What a process killed between the request and its record leaves behind.
    await storage.alerts.claimDue('discord', T0, 10);
    await notifyRepos(storage).deliveries.beginSend([ids.discord], `nw-a${ids.discord}`, false, T0);
    afterDeadClaimsLapse(storage, clock);
    const worker = start();
    await worker.drain();
    expect(a.calls.map((c) => c.nonce)).toEqual([`nw-a${ids.discord}`, `nw-a${second.discord}`]);
    expect(await storage.alerts.pendingCount()).toBe(0);
    await worker.stop();
  });

  it('after a crash mid-summary, repeats the same summary with the same nonce', async () => {
    const { storage, clock, a, start } = await setup();
    const ids: number[] = [];
    for (const n of [1, 2, 3]) ids.push((await seedAlert(storage, n, ['discord'])).discord);
    await storage.alerts.claimDue('discord', T0, 10);
    await notifyRepos(storage).deliveries.beginSend(ids.slice(1), `nw-s${ids[1]}`, true, T0);
    afterDeadClaimsLapse(storage, clock);
    const worker = start();
    await worker.drain();
    expect(a.calls.map((c) => [c.kind, c.nonce])).toEqual([
      ['summary', `nw-s${ids[1]}`],
      ['send', `nw-a${ids[0]}`],
    ]);
    await worker.stop();
  });

  it('keeps the record open after a transient failure, so the retry reuses the nonce', async () => {
    const { storage, clock, a, start } = await setup();
    const ids = await seedAlert(storage, 1, ['discord']);
    a.failNext('transient', { afterSend: true });
    const worker = start();
    await worker.drain();
    expect((await notifyRepos(storage).deliveries.sendRecord(ids.discord))?.finishedAt).toBeNull();
    clock.advance(60_000);
    await worker.drain();
    expect(a.calls.map((c) => c.nonce)).toEqual([`nw-a${ids.discord}`, `nw-a${ids.discord}`]);
    await worker.stop();
  });

  it('delivers queued digests through the same path', async () => {
    const { storage, b, start } = await setup();
    const id = (await notifyRepos(storage).deliveries.enqueueDigest({
      target: 'telegram',
      period: 'daily',
      periodStart: '2025-03-09T07:00:00.000Z',
      periodEnd: '2025-03-10T07:00:00.000Z',
      body: JSON.stringify({ period: 'daily', articles: 3 }),
      at: T0,
    }))!;
    const worker = start();
    await worker.drain();
    expect(b.calls).toMatchObject([{ kind: 'digest', nonce: `nw-d${id}`, digest: { language: 'sr-Latn', digest: { articles: 3 } } }]);
    expect(await notifyRepos(storage).deliveries.getDigest(id)).toMatchObject({ status: 'sent', remoteId: 'm100' });
    await worker.stop();
  });

  it('leaves alerts for a target without a notifier queued', async () => {
    const { storage, a, start } = await setup();
    await seedAlert(storage, 1, ['discord', 'telegram:42']);
    const warnings: string[] = [];
    const worker = start({ logger: { ...silentLogger, warn: (m) => warnings.push(m) } });
    await worker.drain();
    await worker.drain();
    expect(a.deliveredIds()).toHaveLength(1);
    expect(await storage.alerts.pendingCount('telegram:42')).toBe(1);
    expect(warnings.filter((w) => w.includes('not configured'))).toHaveLength(1);
    await worker.stop();
  });
});
