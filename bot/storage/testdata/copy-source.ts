/**
 * A realistic SQLite database for the db:copy tests, written through the real storage API:
 * feeds with read state, articles grouped into stories (Latin and Cyrillic, with and without
 * dates and page bodies), alerts in every state with their send records, a digest, chat
 * subscriptions, chat feed changes, the page cache, and the FTS5 search index. No test-runner
 * imports, so the CLI tests can use it too.
 */
import { syncSearchIndex } from '../../api/search-index';
import { createChatFeedsRepo } from '../chat-feeds';
import { createDeliveriesRepo } from '../deliveries';
import { openStorage } from '../index';
import { createSubscriptionsRepo } from '../subscriptions';
import { article, classification, feedEntry } from './fixtures';

export const T0 = '2025-03-01T12:00:00.000Z';

const TITLES = ['Kamere na Slaviji', 'Камере у Нишу', 'Šer fondacija o nadzoru', 'Vremenska prognoza za vikend', 'Prepoznavanje lica u Beogradu'];

/** Fills `dir/nadzor.db` with `articles` articles (at least 10) and everything that hangs off them; returns the article count. */
export async function buildCopySource(dir: string, articles = 40): Promise<number> {
  const s = openStorage(dir);
  const subscriptions = createSubscriptionsRepo(s.db);
  const deliveries = createDeliveriesRepo(s.db);
  const chatFeeds = createChatFeedsRepo(s.db);
  try {
    await s.feeds.upsertFromRegistry([feedEntry(1), feedEntry(2), feedEntry(3)]);
    await s.feeds.recordSuccess(feedEntry(1).url, { etag: '"v7"', lastModified: 'Sat, 01 Mar 2025 12:00:00 GMT', itemsSeen: 12, itemsDropped: 2, at: T0 });
    await s.feeds.recordFailure(feedEntry(2).url, 'HTTP 503', T0);
    await chatFeeds.add(feedEntry(9, { outlet: 'Chat Outlet' }), 'telegram:42:7', T0);
    await chatFeeds.remove(feedEntry(3).url, 'discord:5:6', T0);

    await s.transaction(async () => {
      let story = 0;
      for (let i = 1; i <= articles; i++) {
        const relevant = i % 5 !== 4;
        const id = (await s.articles.insert(
          article(i, {
            feedUrl: feedEntry((i % 2) + 1).url,
            title: `${TITLES[i % TITLES.length]} ${i}`,
            text: i % 7 === 0 ? 'Полиција користи камере за препознавање лица.' : `Tekst o nadzoru broj ${i}`,
            published: i % 6 === 0 ? null : `2025-03-${String((i % 28) + 1).padStart(2, '0')}T0${i % 10}:15:00.000Z`,
            canonicalUrl: i % 9 === 0 ? null : `https://example.rs/a/${i}`,
            classification: classification({ relevant, score: relevant ? 0.5 + (i % 50) / 101 : 0.1 / i, topics: relevant ? ['cameras'] : [] }),
            body: i % 3 === 0 ? `Tekst stranice ${i}: biometrijski nadzor i kamere.` : null,
            pageStatus: i % 3 === 0 ? 'ok' : null,
            decidedOn: i % 3 === 0 ? 'title+lead+page' : 'title+lead',
          }),
        ))!;
        // Every third article starts a story; the next two join it.
        if (i % 3 === 1) story = await s.stories.create(`Priča ${i}`, T0, [i, i + 1, i * 31]);
        await s.stories.attach(id, story);
        if (!relevant) continue;
        const kind = i % 3 === 1 ? 'new' : 'follow-up';
        const discord = (await s.alerts.enqueue({ articleId: id, storyId: story, kind, target: 'discord', at: T0 }))!;
        await s.alerts.enqueue({ articleId: id, storyId: story, kind, target: 'telegram:42', at: T0 });
        if (i % 2 === 0) {
          await s.alerts.claimDue('discord', '2030-01-01T00:00:00.000Z', 100);
          await deliveries.beginSend([discord], `nonce-${i}`, i % 4 === 0, T0);
          await deliveries.finishSend([discord], T0);
          await s.alerts.markSent(discord, `m${i}`, T0);
        }
      }
    });
    await s.alerts.claimDue('telegram:42', '2030-01-01T00:00:00.000Z', 3);
    const digest = (await deliveries.enqueueDigest({
      target: 'telegram:42',
      period: 'weekly',
      periodStart: '2025-02-24T00:00:00.000Z',
      periodEnd: '2025-03-03T00:00:00.000Z',
      body: JSON.stringify({ total: articles, outlets: ['Example'] }),
      at: T0,
    }))!;
    await deliveries.markDigestSent(digest, 'd1', T0);
    await deliveries.enqueueDigest({ target: 'discord', period: 'daily', periodStart: '2025-03-02T00:00:00.000Z', periodEnd: '2025-03-03T00:00:00.000Z', body: '{}', at: T0 });
    await subscriptions.upsert({ target: 'telegram:42', platform: 'telegram', chatId: '42', mode: 'weekly', topics: ['cameras'], language: 'sr-Cyrl', minScore: 0.35, milestoneOutlets: 3 }, T0);
    await subscriptions.upsert({ target: 'discord', platform: 'discord', chatId: 'c1', mode: 'instant', topics: [], language: 'en', minScore: null }, T0);
    await s.pages.put({
      url: 'https://example.rs/a/3',
      host: 'example.rs',
      fetchedAt: T0,
      status: 'ok',
      finalUrl: 'https://example.rs/a/3/',
      encoding: 'utf-8',
      method: 'readability',
      lead: 'Uvod',
      body: 'Tekst stranice 3',
      error: null,
    });
    await s.pages.put({ url: 'https://example.rs/a/5', host: 'example.rs', fetchedAt: T0, status: 'http 404', finalUrl: null, encoding: null, method: null, lead: '', body: '', error: 'HTTP 404' });
    // The SQLite search index exists and is full: db:copy must leave it behind.
    await syncSearchIndex(s.db);
    return articles;
  } finally {
    await s.close();
  }
}
