import { describe, expect, it } from 'vitest';
import { createSubscriptionsRepo } from './subscriptions';
import { tempStorage } from './testdata/temp-storage';

const T0 = '2025-03-01T12:00:00.000Z';
const T1 = '2025-03-02T12:00:00.000Z';

describe('subscriptions', () => {
  it('creates, reads back and replaces a row, keeping its creation time', () => {
    const { storage } = tempStorage();
    const subs = createSubscriptionsRepo(storage.db);
    expect(subs.get('telegram:42')).toBeNull();
    const base = { target: 'telegram:42', platform: 'telegram' as const, chatId: '42', language: 'en' as const };
    subs.upsert({ ...base, mode: 'instant', topics: ['law', 'law', 'cameras'], minScore: null }, T0);
    expect(subs.get('telegram:42')).toEqual({
      ...base,
      mode: 'instant',
      topics: ['law', 'cameras'],
      minScore: null,
      milestoneOutlets: null,
      createdAt: T0,
      updatedAt: T0,
    });
    subs.upsert({ ...base, mode: 'weekly', topics: [], minScore: 0.7, milestoneOutlets: 3 }, T1);
    expect(subs.get('telegram:42')).toMatchObject({ mode: 'weekly', topics: [], minScore: 0.7, milestoneOutlets: 3, createdAt: T0, updatedAt: T1 });
    expect(() => subs.upsert({ ...base, mode: 'weekly', topics: [], minScore: null, milestoneOutlets: -1 }, T1)).toThrow(/CHECK/);
  });

  it('changes only the mode, and lists by mode', () => {
    const { storage } = tempStorage();
    const subs = createSubscriptionsRepo(storage.db);
    subs.upsert({ target: 'discord:1', platform: 'discord', chatId: '1', mode: 'daily', topics: [], language: 'sr-Cyrl', minScore: null }, T0);
    subs.upsert({ target: 'telegram', platform: 'telegram', chatId: '-100', mode: 'instant', topics: [], language: 'sr-Latn', minScore: null }, T0);
    expect(subs.list({ mode: 'daily' }).map((s) => s.target)).toEqual(['discord:1']);
    expect(subs.setMode('discord:1', 'off', T1)).toBe(true);
    expect(subs.setMode('discord:2', 'off', T1)).toBe(false);
    expect(subs.get('discord:1')).toMatchObject({ mode: 'off', language: 'sr-Cyrl' });
    expect(subs.list().map((s) => s.target)).toEqual(['discord:1', 'telegram']);
  });

  it('rejects values outside the schema', () => {
    const { storage } = tempStorage();
    const subs = createSubscriptionsRepo(storage.db);
    const row = { target: 'x', platform: 'telegram' as const, chatId: '1', mode: 'instant' as const, topics: [], language: 'en' as const };
    expect(() => subs.upsert({ ...row, minScore: 2 }, T0)).toThrow(/CHECK/);
    expect(() => subs.upsert({ ...row, minScore: null, language: 'de' as never }, T0)).toThrow(/CHECK/);
  });
});
