/**
 * A running alert-delivery stack for integration tests: temp storage, the fake Discord and
 * Telegram servers, createNotifiers configured through loadConfig exactly as in production
 * (only the API bases point at the fakes), and a delivery worker on a virtual clock shared
 * with the fakes. Call `close()` in afterEach.
 */
import { Writable } from 'node:stream';
import { loadConfig } from '../../bot/config';
import { createNotifiers, type NotifyRuntime } from '../../bot/notify/index';
import type { Logger } from '../../bot/log';
import { startDeliveryWorker, type DeliveryWorker } from '../../bot/notify/worker';
import type { Storage } from '../../bot/storage/index';
import { tempStorage } from '../../bot/storage/testdata/temp-storage';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram';
import { virtualClock, type VirtualClock } from './virtual-clock';

export const IDS = {
  discordToken: 'fake-discord-bot-token-0123456789abcdef',
  channel: '1234567890123456789',
  guild: '9876543210987654321',
  telegramToken: '123456:AAFAKEtokenFORtestsONLYxxxxxxxxxxxx',
  /** The configured Telegram chat, a supergroup. */
  chat: '-1001234567890',
  /** Administrator of the configured chat. */
  admin: 111,
  /** A webhook the fake knows, posting to `channel`. */
  webhook: { id: '1111111111111111111', token: 'fake-webhook-token' },
};

export interface NotifyWorld {
  storage: Storage;
  dir: string;
  clock: VirtualClock;
  discord: FakeDiscord;
  telegram: FakeTelegram;
  runtime: NotifyRuntime;
  /** Every line logged, already redacted and with its details folded in (key=value). */
  logs: Array<{ level: string; message: string }>;
  consoleOut: string[];
  env: Record<string, string>;
  startWorker(): DeliveryWorker;
  close(): Promise<void>;
}

export async function notifyWorld(options: { env?: Record<string, string>; lookup?: (host: string) => Promise<string[]> } = {}): Promise<NotifyWorld> {
  const { storage, dir } = await tempStorage();
  const clock = virtualClock();
  const discord = await startFakeDiscord({
    botToken: IDS.discordToken,
    channels: { [IDS.channel]: IDS.guild },
    webhooks: { [IDS.webhook.id]: { token: IDS.webhook.token, channelId: IDS.channel, guildId: IDS.guild } },
    now: clock.now,
  });
  const telegram = await startFakeTelegram({ token: IDS.telegramToken, now: clock.now, admins: { [IDS.chat]: [IDS.admin] } });
  const env: Record<string, string> = {
    DATA_DIR: dir,
    DISCORD_TOKEN: IDS.discordToken,
    DISCORD_CHANNEL_ID: IDS.channel,
    DISCORD_API_URL: discord.url,
    TELEGRAM_BOT_TOKEN: IDS.telegramToken,
    TELEGRAM_CHAT_ID: IDS.chat,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    ...options.env,
  };
  const logs: NotifyWorld['logs'] = [];
  const logger: Logger = {
    debug: (message) => logs.push({ level: 'debug', message }),
    info: (message) => logs.push({ level: 'info', message }),
    warn: (message) => logs.push({ level: 'warn', message }),
    error: (message) => logs.push({ level: 'error', message }),
  };
  const consoleOut: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      consoleOut.push(String(chunk));
      done();
    },
  });
  const runtime = createNotifiers(loadConfig(env), {
    storage,
    logger,
    console: { stream, env: {} },
    now: () => new Date(clock.now()),
    clock,
    lookup: options.lookup ?? (async () => ['93.184.216.34']),
  });
  const workers: DeliveryWorker[] = [];
  return {
    storage,
    dir,
    clock,
    discord,
    telegram,
    runtime,
    logs,
    consoleOut,
    env,
    startWorker() {
      const worker = startDeliveryWorker({ storage, notifiers: runtime.notifiers, clock, pollMs: 3_600_000, logger, random: () => 0 });
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const w of workers) await w.stop();
      await runtime.stop();
      await discord.close();
      await telegram.close();
    },
  };
}
