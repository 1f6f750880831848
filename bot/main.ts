/**
 * `npm start`: the monitor. Polls the feeds on POLL_CRON, stores and classifies every item,
 * alerts relevant new ones, serves the API and dashboard. Works with no token at all: SQLite
 * in DATA_DIR, alerts on the console. SIGINT/SIGTERM stop it cleanly (the cycle in flight is
 * aborted; anything committed stays, anything not yet delivered is delivered on the next start).
 */
import { SingleBar, Presets } from 'cli-progress';
import { startApp, type App } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { FeedsFileError, loadFeeds } from './feeds/registry';
import { OrgsFileError } from './orgs';
import { createLogger, type Logger } from './log';
import { stripControls } from './terminal-text';

/**
 * A progress bar for the first full cycle, only when a person is watching a terminal. While
 * it is drawn, per-feed info lines are held back (they would tear it); warnings still show.
 */
function firstCycleProgress(logger: Logger, setQuiet: (quiet: boolean) => void) {
  if (!process.stderr.isTTY || process.env.CI) return { onProgress: undefined, done: () => {} };
  const bar = new SingleBar(
    { format: 'first cycle |{bar}| {value}/{total} feeds · {outlet}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let started = false;
  let finished = false;
  return {
    onProgress(done: number, total: number, feed: { outlet: string }) {
      if (finished) return;
      if (!started) {
        setQuiet(true);
        bar.start(total, 0, { outlet: '' });
        started = true;
      }
      bar.update(done, { outlet: feed.outlet.slice(0, 30) });
      if (done >= total) {
        bar.stop();
        finished = true;
        setQuiet(false);
        logger.info('first cycle complete');
      }
    },
    done() {
      if (started && !finished) bar.stop();
      finished = true;
      setQuiet(false);
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`nadzor-watch: ${stripControls(err.message, { keepNewlines: true })}\n`);
      process.exit(2);
    }
    throw err;
  }
  const base = createLogger({ level: config.logLevel, secrets: config.secrets });
  let quiet = false;
  const logger: Logger = {
    ...base,
    debug: (m, data) => void (quiet || base.debug(m, data)),
    info: (m, data) => void (quiet || base.info(m, data)),
  };
  let feeds;
  try {
    feeds = loadFeeds(process.env);
  } catch (err) {
    if (err instanceof FeedsFileError) {
      logger.error(err.message);
      process.exit(2);
    }
    throw err;
  }

  const progress = firstCycleProgress(logger, (q) => (quiet = q));
  let app: App;
  try {
    app = await startApp({ config, feeds, logger, onProgress: progress.onProgress });
  } catch (err) {
    // Settings that only make sense together (Discord, Telegram) and ORGS_FILE are checked
    // while the parts start: the same clear message and exit code as any other bad setting.
    if (err instanceof ConfigError || err instanceof OrgsFileError) {
      logger.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  logger.info(
    `Nadzor Watch: ${feeds.length} feeds${config.feedsFile ? ` from ${config.feedsFile}` : ' (defaults)'}, ` +
      `data in ${config.dataDir}, polling "${config.pollCron}", dashboard ${app.apiUrl}/`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping`);
    progress.done();
    await app.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  app.monitor.start(config.pollCron);
  // The first cycle runs at once rather than waiting for the first cron tick.
  await app.monitor.runCycle().catch((err: Error) => logger.error(`cycle failed: ${err.message}`));
  progress.done();
}

main().catch((err: Error) => {
  process.stderr.write(`nadzor-watch: ${stripControls(err.stack ?? err.message, { keepNewlines: true })}\n`);
  process.exit(1);
});
