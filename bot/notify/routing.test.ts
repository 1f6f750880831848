import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { classification } from '../storage/testdata/fixtures';
import { tempStorage } from '../storage/testdata/temp-storage';
import { notifyRepos } from './repos';
import { createAlertRouting, parseTarget } from './routing';

const T0 = '2025-03-10T10:00:00.000Z';
const env = {
  DISCORD_WEBHOOK_URL: 'https://discord.com/api/webhooks/1111111111111111111/tok',
  DISCORD_TOKEN: 'x'.repeat(30),
  TELEGRAM_BOT_TOKEN: '123456:AAFAKEtokenFORtestsONLYxxxxxxxxxxxx',
  TELEGRAM_CHAT_ID: '-1001',
};

describe('alert routing', () => {
  it('names targets stably and parses them back', () => {
    expect(parseTarget('console')).toEqual({ kind: 'console' });
    expect(parseTarget('telegram')).toEqual({ kind: 'default', platform: 'telegram' });
    expect(parseTarget('telegram:-100123')).toEqual({ kind: 'chat', platform: 'telegram', chatId: '-100123' });
    expect(parseTarget('discord:123')).toEqual({ kind: 'chat', platform: 'discord', chatId: '123' });
    expect(parseTarget('slack')).toBeNull();
    expect(parseTarget('telegram:x y')).toBeNull();
  });

  it('alerts the console and every configured destination by default', async () => {
    const { storage } = await tempStorage();
    expect(await createAlertRouting(storage, loadConfig({})).targetsFor({}, classification())).toEqual(['console']);
    expect(await createAlertRouting(storage, loadConfig(env)).targetsFor({}, classification())).toEqual(['console', 'discord', 'telegram']);
  });

  it('applies subscriptions: topics, minimum score, instant only; digests and off get nothing', async () => {
    const { storage } = await tempStorage();
    const routing = createAlertRouting(storage, loadConfig(env));
    const subs = notifyRepos(storage).subscriptions;
    const base = { language: 'en' as const, minScore: null, topics: [] };
    await subs.upsert({ ...base, target: 'telegram:7', platform: 'telegram', chatId: '7', mode: 'instant', topics: ['law'] }, T0);
    await subs.upsert({ ...base, target: 'telegram:8', platform: 'telegram', chatId: '8', mode: 'instant', minScore: 0.95 }, T0);
    await subs.upsert({ ...base, target: 'telegram:9', platform: 'telegram', chatId: '9', mode: 'weekly' }, T0);
    await subs.upsert({ ...base, target: 'discord:55', platform: 'discord', chatId: '55', mode: 'instant' }, T0);
    await subs.upsert({ ...base, target: 'telegram', platform: 'telegram', chatId: '-1001', mode: 'off' }, T0);

    expect(await routing.targetsFor({}, classification({ topics: ['cameras'], score: 0.9 }))).toEqual(['console', 'discord', 'discord:55']);
    expect(await routing.targetsFor({}, classification({ topics: ['law'], score: 0.96 }))).toEqual(['console', 'discord', 'discord:55', 'telegram:7', 'telegram:8']);
    expect(await routing.languageFor('telegram:9')).toBe('en');
    expect(await routing.languageFor('telegram:1234')).toBe('sr-Latn');
  });

  it('skips chats of a platform that is no longer configured', async () => {
    const { storage } = await tempStorage();
    await notifyRepos(storage).subscriptions.upsert(
      { target: 'telegram:7', platform: 'telegram', chatId: '7', mode: 'instant', topics: [], language: 'en', minScore: null },
      T0,
    );
    expect(await createAlertRouting(storage, loadConfig({})).targetsFor({}, classification())).toEqual(['console']);
  });

  it('maps a chat to the configured destination when it is the same chat', async () => {
    const { storage } = await tempStorage();
    const routing = createAlertRouting(storage, loadConfig(env));
    expect(routing.targetForChat('telegram', '-1001')).toBe('telegram');
    expect(routing.targetForChat('telegram', '42')).toBe('telegram:42');
    // A webhook's channel is not known by id, so a channel that subscribes is its own target.
    expect(routing.targetForChat('discord', '1234567890123456789')).toBe('discord:1234567890123456789');
  });
});
