/**
 * Child process for the PostgreSQL chaos test: one real instance of the monitor, started as
 * `npm start` starts it (bot/main.ts: loadConfig, loadFeeds, startApp, the cron schedule and a
 * first cycle at once), except that the per-host gap between feed requests, an app option
 * and not a setting, comes from TEST_PER_HOST_GAP_MS: the test serves every feed from one
 * host. Everything else comes from the environment (DATABASE_URL, FEEDS_FILE, POLL_CRON,
 * FEED_LEASE_MS, DELIVERY_CLAIM_MS, the DISCORD_ and TELEGRAM_ variables pointing at the
 * fakes). SIGTERM stops it cleanly; the test also kills it with SIGKILL.
 * Usage: node --import tsx test/fakes/instance-child.ts
 */
import { startApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { loadFeeds } from '../../bot/feeds/registry';
import { createLogger } from '../../bot/log';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, secrets: config.secrets });
const feeds = loadFeeds(process.env);
const gap = process.env.TEST_PER_HOST_GAP_MS;
const app = await startApp({ config, feeds, logger, perHostGapMs: gap === undefined ? undefined : Number(gap) });
logger.info(`instance started: ${feeds.length} feeds, dashboard ${app.apiUrl}/`);

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});

app.monitor.start(config.pollCron);
await app.monitor.runCycle().catch((err: Error) => logger.error(`cycle failed: ${err.message}`));
