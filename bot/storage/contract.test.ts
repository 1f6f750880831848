/**
 * The storage contract: the same calls give the same answers on SQLite and on PostgreSQL. The
 * PostgreSQL half starts a throwaway cluster (test/pg-cluster.ts) and fails, not skips, when
 * PostgreSQL is missing. The per-entity suites beside it and the API query suites run on both
 * too, through the `node-postgres` vitest project (see vitest.config.ts and ARCHITECTURE.md,
 * "Two storage backends"); this file keeps both halves side by side in one run.
 */
import { describe, expect, it } from 'vitest';
import { useFileCluster } from '../../test/pg-file-cluster';
import { matchCondition, searchExpression, syncSearchIndex } from '../api/search-index';
import { openPostgresStorage, openStorage, type Storage } from './index';
import { article, feedEntry } from './testdata/fixtures';

const T0 = '2025-03-01T12:00:00.000Z';
const pg = useFileCluster('contract');

const backends: Array<[string, () => Promise<Storage>]> = [
  [
    'sqlite',
    async () => openStorage(pg.tempDir()),
  ],
  ['postgres', async () => openPostgresStorage(await pg.database(), { poolSize: 4 })],
];

describe.each(backends)('storage contract on %s', (_name, open) => {
  it('feeds: registry, success, failure with backoff, due', async () => {
    const s = await open();
    try {
      await s.feeds.upsertFromRegistry([feedEntry(1), feedEntry(2)]);
      const { url } = feedEntry(1);
      await s.feeds.recordSuccess(url, { etag: '"v1"', itemsSeen: 3, at: T0 });
      const failure = await s.feeds.recordFailure(feedEntry(2).url, 'HTTP 503', T0);
      expect(failure).toMatchObject({ consecutiveFailures: 1, paused: false, justPaused: false });
      expect(await s.feeds.get(url)).toMatchObject({ etag: '"v1"', firstReadAt: T0, itemsSeen: 3, active: true, paused: false });
      expect((await s.feeds.due(T0)).map((f) => f.url)).toEqual([url]);
      expect(await s.feeds.status()).toEqual({ total: 2, neverRead: 1, failing: 1, paused: 0 });
    } finally {
      await s.close();
    }
  });

  it('articles, stories and the outbox in one transaction; duplicates; claims', async () => {
    const s = await open();
    try {
      const ids = await s.transaction(async () => {
        const a = (await s.articles.insert(article(1)))!;
        const story = await s.stories.create('Kamere', T0, [1, 2, 3]);
        await s.stories.attach(a, story);
        const alert = (await s.alerts.enqueue({ articleId: a, storyId: story, kind: 'new', target: 'discord', at: T0 }))!;
        return { a, story, alert };
      });
      expect(await s.articles.insert(article(1))).toBeNull();
      expect(await s.articles.findDuplicate({ contentHash: 'hash-1' })).toEqual({ id: ids.a, by: 'content' });
      expect(await s.stories.get(ids.story)).toMatchObject({ articleIds: [ids.a] });
      expect(await s.alerts.alreadyAlertedStory(ids.story, 'discord')).toBe(true);
      const claimed = await s.alerts.claimDue('discord', T0, 10);
      expect(claimed.map((c) => c.id)).toEqual([ids.alert]);
      // Claimed: nothing more to take until the claim lapses.
      expect(await s.alerts.claimDue('discord', T0, 10)).toEqual([]);
      await s.alerts.markSent(ids.alert, 'm1', T0);
      expect(await s.alerts.get(ids.alert)).toMatchObject({ status: 'sent', remoteId: 'm1', attempts: 1 });
      expect(await s.articles.count({ relevant: true })).toBe(1);
      await expect(
        s.transaction(async () => {
          await s.articles.insert(article(2));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await s.articles.count()).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('search over folded text: the API q examples find the same articles', async () => {
    const s = await open();
    try {
      const titles = ['Камере на Славији', 'Kamere u Nišu', 'Šer fondacija o nadzoru', 'Vremenska prognoza'];
      for (const [i, title] of titles.entries()) await s.articles.insert(article(i + 1, { title }));
      expect(await syncSearchIndex(s.db)).toBe(4);
      const find = async (q: string) => {
        const m = matchCondition(s.dialect, searchExpression(q)!);
        return (await s.db.all<{ id: number }>(`SELECT a.id FROM articles a WHERE ${m.sql} ORDER BY a.id`, m.params)).map((r) => r.id);
      };
      expect(await find('kamere')).toEqual([1, 2]);
      expect(await find('Нишу')).toEqual([2]);
      expect(await find('slavija')).toEqual([1]);
      expect(await find('шер фондација')).toEqual([3]);
    } finally {
      await s.close();
    }
  });
});

describe('feed leases on postgres (several instances)', () => {
  it('disjoint batches, held until the outcome or the lapse, one read per cycle', async () => {
    const s = await backends[1][1]();
    try {
      await s.feeds.upsertFromRegistry([1, 2, 3, 4].map((i) => feedEntry(i)));
      const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
      const lease = { leaseMs: 60_000, minRefetchMs: 30_000, limit: 2 };
      const first = (await s.feeds.leaseDue(T0, lease)).map((f) => f.url);
      const second = (await s.feeds.leaseDue(T0, lease)).map((f) => f.url);
      expect(first).toHaveLength(2);
      expect(second).toHaveLength(2);
      expect(new Set([...first, ...second]).size).toBe(4);
      expect(await s.feeds.leaseDue(T0, lease)).toEqual([]);
      // The outcome ends the lease; a feed read 10 s ago is not due again (minRefetchMs).
      await s.feeds.recordSuccess(first[0], { itemsSeen: 1, at: T0 });
      expect(await s.feeds.leaseDue(at(10_000), lease)).toEqual([]);
      // ... nor, in a cycle that began before that read, however long the cycle takes.
      expect(await s.feeds.leaseDue(at(40_000), { ...lease, notReadSince: at(-1_000) })).toEqual([]);
      expect((await s.feeds.leaseDue(at(40_000), { ...lease, notReadSince: at(35_000) })).map((f) => f.url)).toEqual([first[0]]);
      // A lease never ended (its instance died) lapses: the others' feeds come back.
      expect((await s.feeds.leaseDue(at(61_000), { ...lease, limit: 10 })).map((f) => f.url).sort()).toEqual([first[1], ...second].sort());
    } finally {
      await s.close();
    }
  });
});
