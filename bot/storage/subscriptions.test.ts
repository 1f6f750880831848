import { describe, expect, it } from 'vitest';
import { createSubscriptionsRepo } from './subscriptions';
import { tempStorage } from './testdata/temp-storage';

const T0 = '2025-03-01T12:00:00.000Z';
const T1 = '2025-03-02T12:00:00.000Z';

describe('subscriptions', () => {
  it('creates, reads back and replaces a row, keeping its creation time', async () => {
    const { storage } = await tempStorage();
    const subs = createSubscriptionsRepo(storage.db);
    expect(await subs.get('telegram:42')).toBeNull();
    const base = { target: 'telegram:42', platform: 'telegram' as const, chatId: '42', language: 'en' as const };
    await subs.upsert({ ...base, mode: 'instant', topics: ['law', 'law', 'cameras'], minScore: null }, T0);
    expect(await subs.get('telegram:42')).toEqual({
      ...base,
      mode: 'instant',
      topics: ['law', 'cameras'],
      minScore: null,
      milestoneOutlets: null,
      createdAt: T0,
      updatedAt: T0,
    });
    await subs.upsert({ ...base, mode: 'weekly', topics: [], minScore: 0.7, milestoneOutlets: 3 }, T1);
    expect(await subs.get('telegram:42')).toMatchObject({ mode: 'weekly', topics: [], minScore: 0.7, milestoneOutlets: 3, createdAt: T0, updatedAt: T1 });
    await expect(subs.upsert({ ...base, mode: 'weekly', topics: [], minScore: null, milestoneOutlets: -1 }, T1)).rejects.toThrow(/check/i);
  });

  it('changes only the mode, and lists by mode', async () => {
    const { storage } = await tempStorage();
    const subs = createSubscriptionsRepo(storage.db);
    await subs.upsert({ target: 'discord:1', platform: 'discord', chatId: '1', mode: 'daily', topics: [], language: 'sr-Cyrl', minScore: null }, T0);
    await subs.upsert({ target: 'telegram', platform: 'telegram', chatId: '-100', mode: 'instant', topics: [], language: 'sr-Latn', minScore: null }, T0);
    expect((await subs.list({ mode: 'daily' })).map((s) => s.target)).toEqual(['discord:1']);
    expect(await subs.setMode('discord:1', 'off', T1)).toBe(true);
    expect(await subs.setMode('discord:2', 'off', T1)).toBe(false);
    expect(await subs.get('discord:1')).toMatchObject({ mode: 'off', language: 'sr-Cyrl' });
    expect((await subs.list()).map((s) => s.target)).toEqual(['discord:1', 'telegram']);
  });

  it('rejects values outside the schema', async () => {
    const { storage } = await tempStorage();
    const subs = createSubscriptionsRepo(storage.db);
    const row = { target: 'x', platform: 'telegram' as const, chatId: '1', mode: 'instant' as const, topics: [], language: 'en' as const };
    await expect(subs.upsert({ ...row, minScore: 2 }, T0)).rejects.toThrow(/check/i);
    await expect(subs.upsert({ ...row, minScore: null, language: 'de' as never }, T0)).rejects.toThrow(/check/i);
  });
});
