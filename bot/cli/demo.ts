/**
 * `npm run demo`: the real monitor against sample feeds served on 127.0.0.1, so a newcomer sees
 * stored articles and alerts within seconds, offline. A fresh database in a temporary folder
 * each run; the dashboard stays up until Ctrl+C. `--once` stops after the first cycle.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedEntry } from '../../shared/model/types';
import { latinToCyrillic } from '../../shared/text/transliterate';
import { startFeedServer, type FakeItem } from '../../test/fakes/feed-server';
import { IRRELEVANT_ITEMS, RELEVANT_ITEMS, type SampleItem } from '../../test/fixtures/items';
import { startApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../log';

const once = process.argv.includes('--once');
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
let n = 0;
const toItem = (s: SampleItem, outlet: string, minutes: number): FakeItem => ({
  guid: `demo-${++n}`,
  title: s.title,
  description: s.text,
  link: `http://127.0.0.1/${outlet}/${n}`,
  published: minutesAgo(minutes),
});
const cyrillic = (s: SampleItem): SampleItem => ({ title: latinToCyrillic(s.title), text: latinToCyrillic(s.text) });

const server = await startFeedServer();
server.setFeed('/danas.xml', { title: 'Danas (demo)', items: [toItem(RELEVANT_ITEMS[0], 'danas', 30), toItem(IRRELEVANT_ITEMS[0], 'danas', 40), toItem(IRRELEVANT_ITEMS[2], 'danas', 50)] });
server.setFeed('/rts.xml', { title: 'РТС (demo)', items: [toItem(cyrillic(RELEVANT_ITEMS[0]), 'rts', 20), toItem(cyrillic(IRRELEVANT_ITEMS[1]), 'rts', 25)] });
server.setFeed('/n1.xml', { title: 'N1 (demo)', items: [toItem(RELEVANT_ITEMS[1], 'n1', 10), toItem(IRRELEVANT_ITEMS[3], 'n1', 15)] });
server.setFeed('/old.xml', { title: 'Archive (demo)', items: [toItem(RELEVANT_ITEMS[2], 'archive', 60 * 24 * 7)] });

const feeds: FeedEntry[] = [
  { outlet: 'Danas (demo)', url: server.feedUrl('/danas.xml'), language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'http://127.0.0.1/' },
  { outlet: 'РТС (demo)', url: server.feedUrl('/rts.xml'), language: 'sr', script: 'Cyrl', scope: 'domestic', homepage: 'http://127.0.0.1/' },
  { outlet: 'N1 (demo)', url: server.feedUrl('/n1.xml'), language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'http://127.0.0.1/' },
  { outlet: 'Archive (demo)', url: server.feedUrl('/old.xml'), language: 'sr', script: 'Latn', scope: 'international', homepage: 'http://127.0.0.1/' },
];

const dataDir = mkdtempSync(join(tmpdir(), 'nadzor-demo-'));
// The demo never talks to Discord or Telegram, whatever the environment says.
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, FEEDS_FILE: '' };
if (once) env.HTTP_PORT = '0';
for (const k of ['DISCORD_WEBHOOK_URL', 'DISCORD_TOKEN', 'DISCORD_CHANNEL_ID', 'TELEGRAM_BOT_TOKEN', 'TELEGRAM_CHAT_ID']) delete env[k];
const config = loadConfig(env);
const logger = createLogger({ level: config.logLevel, secrets: config.secrets });
logger.info(`demo: ${feeds.length} sample feeds on ${server.url}, a fresh database in ${dataDir}`);

const app = await startApp({ config, feeds, logger, perHostGapMs: 0 });
const cleanup = async () => {
  await app.stop();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
};

const first = await app.monitor.runCycle();
await app.drainAlerts();
logger.info(
  `demo: first read stored ${first.stored} articles, ${first.relevant} relevant; the week-old one is counted but not alerted (backlog rule), ` +
    `the Cyrillic copy of the Danas story is a follow-up of the same story.`,
);

if (once) {
  await cleanup();
} else {
  logger.info(`demo: dashboard at ${app.apiUrl}/ — in 10 s a new article appears in the N1 feed; Ctrl+C to stop`);
  const timer = setTimeout(async () => {
    server.addItems('/n1.xml', [toItem(RELEVANT_ITEMS[2], 'n1', 0)]);
    await app.monitor.runCycle();
    await app.drainAlerts();
  }, 10_000);
  const stop = async () => {
    clearTimeout(timer);
    await cleanup();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
