import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { silentLogger } from '../log';
import { notifyRepos } from '../notify/repos';
import { createAlertRouting } from '../notify/routing';
import type { Storage } from '../storage/index';
import { article, classification, tempStorage } from '../storage/testdata/temp-storage';
import { buildDigest } from './build';
import { enqueueDigests } from './enqueue';
import { startDigestSchedule } from './schedule';

const END = new Date('2025-03-10T07:00:00.000Z');
const TG = { TELEGRAM_BOT_TOKEN: '123456:AAFAKEtokenFORtestsONLYxxxxxxxxxxxx', TELEGRAM_CHAT_ID: '-1001' };

async function seed(storage: Storage) {
  const story = await storage.stories.create('Kamere', '2025-03-08T10:00:00Z', [1]);
  const add = async (n: number, published: string, over: Parameters<typeof article>[1] = {}) =>
    await storage.articles.insert(article(n, { published, title: `Priča ${n}`, ...over }));
  // This week: a story in three outlets, one international article about the law, one irrelevant.
  await add(1, '2025-03-08T10:00:00.000Z', { storyId: story, outlet: 'N1' });
  await add(2, '2025-03-08T11:00:00.000Z', { storyId: story, outlet: 'Danas' });
  await add(3, '2025-03-09T10:00:00.000Z', { storyId: story, outlet: 'BBC', scope: 'international' });
  await add(4, '2025-03-04T10:00:00.000Z', { outlet: 'Guardian', scope: 'international', classification: classification({ topics: ['law'], score: 0.6 }) });
  await add(5, '2025-03-05T10:00:00.000Z', { classification: classification({ relevant: false }) });
  // The week before: one article.
  await add(6, '2025-03-01T10:00:00.000Z', { outlet: 'N1' });
}

describe('digests', () => {
  it('counts the period, compares it with the one before, and ranks stories by outlets', async () => {
    const { storage } = await tempStorage();
    await seed(storage);
    expect(await buildDigest(storage, { topics: [], minScore: null }, 'weekly', END)).toEqual({
      period: 'weekly',
      start: '2025-03-03T07:00:00.000Z',
      end: '2025-03-10T07:00:00.000Z',
      articles: 4,
      stories: 2,
      domestic: 2,
      international: 2,
      previous: { articles: 1, stories: 1 },
      topStories: [
        { title: 'Priča 1', url: 'https://example.rs/a/1?utm_source=rss', outlets: ['N1', 'Danas', 'BBC'], articles: 3 },
        { title: 'Priča 4', url: 'https://example.rs/a/4?utm_source=rss', outlets: ['Guardian'], articles: 1 },
      ],
      topics: [
        { topic: 'cameras', count: 3 },
        { topic: 'face-recognition', count: 3 },
        { topic: 'law', count: 1 },
      ],
    });
  });

  it("keeps to the subscription's topics and minimum score", async () => {
    const { storage } = await tempStorage();
    await seed(storage);
    expect(await buildDigest(storage, { topics: ['law'], minScore: null }, 'weekly', END)).toMatchObject({ articles: 1, stories: 1, previous: { articles: 0 } });
    expect(await buildDigest(storage, { topics: [], minScore: 0.8 }, 'weekly', END)).toMatchObject({ articles: 3, stories: 1 });
    expect(await buildDigest(storage, { topics: [], minScore: null }, 'daily', END)).toMatchObject({ articles: 1, start: '2025-03-09T07:00:00.000Z' });
  });

  it('queues one digest per subscriber of that period, once per period, only for configured platforms', async () => {
    const { storage } = await tempStorage();
    await seed(storage);
    const routing = createAlertRouting(storage, loadConfig(TG));
    const subs = notifyRepos(storage).subscriptions;
    const base = { topics: [], language: 'en' as const, minScore: null };
    await subs.upsert({ ...base, target: 'telegram:1', platform: 'telegram', chatId: '1', mode: 'weekly' }, END.toISOString());
    await subs.upsert({ ...base, target: 'telegram:2', platform: 'telegram', chatId: '2', mode: 'daily' }, END.toISOString());
    await subs.upsert({ ...base, target: 'discord:3', platform: 'discord', chatId: '3', mode: 'weekly' }, END.toISOString());
    expect(await enqueueDigests(storage, routing, 'weekly', new Date(END.getTime() + 1_234))).toBe(1);
    expect(await enqueueDigests(storage, routing, 'weekly', END)).toBe(0);
    const { deliveries } = notifyRepos(storage);
    expect(await deliveries.dueTargets(END.toISOString())).toEqual(['telegram:1']);
    const [queued] = await deliveries.claimDigests('telegram:1', END.toISOString(), 5);
    expect(queued).toMatchObject({ period: 'weekly', periodEnd: END.toISOString() });
    expect(JSON.parse(queued.body)).toMatchObject({ articles: 4, previous: { articles: 1 } });
  });

  it('runs on its cron schedule and stops cleanly', async () => {
    const { storage } = await tempStorage();
    const routing = createAlertRouting(storage, loadConfig(TG));
    await notifyRepos(storage).subscriptions.upsert(
      { target: 'telegram:1', platform: 'telegram', chatId: '1', mode: 'daily', topics: [], language: 'en', minScore: null },
      END.toISOString(),
    );
    const schedule = startDigestSchedule({ storage, routing, dailyCron: '* * * * * *', weeklyCron: '0 0 1 1 *', logger: silentLogger });
    await new Promise((r) => setTimeout(r, 1_500));
    await schedule.stop();
    expect(await notifyRepos(storage).deliveries.pendingDigests()).toBeGreaterThanOrEqual(1);
    expect(await schedule.runNow('daily', END)).toBe(1);
  });
});
