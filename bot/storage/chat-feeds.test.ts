import { describe, expect, it } from 'vitest';
import { createChatFeedsRepo } from './chat-feeds';
import { feedEntry, tempStorage } from './testdata/temp-storage';

const T0 = '2025-03-01T12:00:00.000Z';

describe('chat feeds', () => {
  it('adds a feed the scheduler polls at once, and keeps it across a registry reload', async () => {
    const { storage } = await tempStorage();
    const chat = createChatFeedsRepo(storage.db);
    const registry = [feedEntry(1), feedEntry(2)];
    await storage.feeds.upsertFromRegistry(registry);
    await chat.add(feedEntry(3, { outlet: 'Lokal' }), 'telegram:-100:7', T0);
    expect((await storage.feeds.due(T0)).map((f) => f.url)).toContain(feedEntry(3).url);

    await storage.feeds.upsertFromRegistry(await chat.applyTo(registry));
    expect((await storage.feeds.list()).map((f) => f.outlet)).toEqual(['Lokal', 'Outlet 1', 'Outlet 2']);
    expect(await chat.list()).toMatchObject([{ url: feedEntry(3).url, action: 'add', changedBy: 'telegram:-100:7', changedAt: T0 }]);
  });

  it('removes a registry feed for good, and re-adding brings it back', async () => {
    const { storage } = await tempStorage();
    const chat = createChatFeedsRepo(storage.db);
    const registry = [feedEntry(1), feedEntry(2)];
    await storage.feeds.upsertFromRegistry(registry);
    expect(await chat.remove(feedEntry(1).url, 'discord:9:8', T0)).toBe(true);
    expect(await chat.remove(feedEntry(1).url, 'discord:9:8', T0)).toBe(false);
    expect(await chat.remove('https://unknown.example/feed', 'discord:9:8', T0)).toBe(false);
    expect((await storage.feeds.list()).map((f) => f.url)).toEqual([feedEntry(2).url]);

    await storage.feeds.upsertFromRegistry(await chat.applyTo(registry));
    expect((await storage.feeds.list()).map((f) => f.url)).toEqual([feedEntry(2).url]);

    await chat.add(feedEntry(1), 'discord:9:8', T0);
    await storage.feeds.upsertFromRegistry(await chat.applyTo(registry));
    expect((await storage.feeds.list()).map((f) => f.url)).toEqual([feedEntry(1).url, feedEntry(2).url]);
  });
});
