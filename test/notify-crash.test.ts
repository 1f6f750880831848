/**
 * A crash between sending an alert and recording it, then a restart: nothing is lost, and
 * nothing is repeated where the platform lets us prevent it (Discord bot messages carry a
 * nonce with enforce_nonce). Telegram has no such key: there the one alert that was in flight
 * is sent again, the window the README describes. The crash is real: a child process running
 * the delivery worker is SIGKILLed while the fake server holds its request.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/config';
import { createNotifiers } from '../bot/notify/index';
import { silentLogger } from '../bot/log';
import { notifyRepos } from '../bot/notify/repos';
import { startDeliveryWorker } from '../bot/notify/worker';
import { openStorage, type Storage } from '../bot/storage/index';
import { article } from '../bot/storage/testdata/fixtures';
import { tempDir } from '../bot/storage/testdata/temp-storage';
import { startFakeDiscord, type FakeDiscord } from './fakes/fake-discord';
import { startFakeTelegram, type FakeTelegram } from './fakes/fake-telegram';
import { IDS } from './fakes/notify-world';
import { parseTelegramHtml } from './fakes/telegram-html';

const CHILD = fileURLToPath(new URL('./fakes/delivery-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) (await closers.pop())!();
});

async function seed(dir: string, target: string, count: number): Promise<number[]> {
  const storage = openStorage(dir);
  try {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(
        await storage.transaction(async () => {
          const articleId = (await storage.articles.insert(article(i + 1, { title: `Vest ${i + 1}` })))!;
          return (await storage.alerts.enqueue({ articleId, storyId: null, kind: 'new', target, at: new Date().toISOString() }))!;
        }),
      );
    }
    return ids;
  } finally {
    await storage.close();
  }
}

/** Runs the worker in a child until `held` resolves (the far end has the message), then SIGKILLs it. */
function runUntil(env: Record<string, string>, held: Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited with ${code ?? signal}: ${stderr}`))));
    held.then(() => child.kill('SIGKILL'), reject);
  });
}

/** The restart: a new process's worth of storage, notifiers and worker, draining everything. */
async function restartAndDrain(dir: string, env: Record<string, string>): Promise<Storage> {
  const storage = openStorage(dir);
  const config = loadConfig({ ...env, DATA_DIR: dir });
  const runtime = createNotifiers(config, { storage, logger: silentLogger, console: { stream: process.stderr } });
  const worker = startDeliveryWorker({ storage, notifiers: runtime.notifiers, pollMs: 3_600_000, logger: silentLogger });
  await worker.drain();
  closers.push(async () => {
    await worker.stop();
    await runtime.stop();
    await storage.close();
  });
  return storage;
}

describe('crash between send and record', () => {
  it('Discord bot: the restart resends with the same nonce and Discord returns the message already posted', async () => {
    const fake: FakeDiscord = await startFakeDiscord({ botToken: IDS.discordToken, channels: { [IDS.channel]: IDS.guild } });
    closers.push(fake.close);
    const dir = tempDir();
    const ids = await seed(dir, 'discord', 3);
    const env = { DATA_DIR: dir, DISCORD_TOKEN: IDS.discordToken, DISCORD_CHANNEL_ID: IDS.channel, DISCORD_API_URL: fake.url };

    const held = fake.holdNextCreate();
    await runUntil(env, held);
    const inFlight = await held;
    expect(fake.messages).toHaveLength(1);

    const storage = await restartAndDrain(dir, env);
    // Three alerts, three messages: the in-flight one was not posted twice, none was lost.
    expect(fake.messages.map((m) => m.body.nonce)).toEqual(ids.map((id) => `nw-a${id}`));
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    expect(posts.filter((r) => (r.body as { nonce: string }).nonce === `nw-a${ids[0]}`)).toHaveLength(2);
    expect(await storage.alerts.get(ids[0])).toMatchObject({ status: 'sent', remoteId: inFlight.id });
    expect(await storage.alerts.pendingCount()).toBe(0);
  }, 60_000);

  it('Telegram: nothing is lost; only the alert in flight at the crash is sent a second time', async () => {
    // The fake measures Telegram's one second per chat at arrival; the worker spaces its sends
    // by 1 s plus a 25 ms margin at departure. On a loaded machine one request can take longer
    // on the way than the next one did, so arrivals may come a little closer than departures:
    // 250 ms of tolerance keeps this test about the crash, not about scheduling jitter (a
    // real violation is a second message within 750 ms, and would still fail it).
    const fake: FakeTelegram = await startFakeTelegram({ token: IDS.telegramToken, toleranceMs: 250 });
    closers.push(fake.close);
    const dir = tempDir();
    const ids = await seed(dir, 'telegram', 3);
    const env = { DATA_DIR: dir, TELEGRAM_BOT_TOKEN: IDS.telegramToken, TELEGRAM_CHAT_ID: IDS.chat, TELEGRAM_API_ROOT: fake.apiRoot };

    const held = fake.holdNextSend();
    await runUntil(env, held);
    // What the restarted worker finds: the in-flight alert recorded as started, not finished.
    const before = openStorage(dir);
    expect(await notifyRepos(before).deliveries.sendRecord(ids[0])).toMatchObject({ finishedAt: null });
    before.close();

    // A restart takes longer than Telegram's one second per chat; the new process's limiter
    // starts empty (a quicker restart would meet a 429, which the worker also honours).
    await new Promise((r) => setTimeout(r, 1_100));
    const storage = await restartAndDrain(dir, env);
    const titles = fake.messages.map((m) => {
      const p = parseTelegramHtml(m.html);
      return p.ok ? p.text.split('\n')[0] : 'INVALID';
    });
    expect(titles).toEqual(['Vest 1', 'Vest 1', 'Vest 2', 'Vest 3']);
    expect(await storage.alerts.pendingCount()).toBe(0);
    expect(fake.rateViolations).toEqual([]);
  }, 60_000);
});
