/**
 * Child process for the crash test: the real delivery stack (config from the environment,
 * createNotifiers, startDeliveryWorker) draining DATA_DIR's outbox until it is killed.
 * Usage: node --import tsx test/fakes/delivery-child.ts  (DATA_DIR and the DISCORD_/TELEGRAM_
 * variables in the environment, pointing at the fakes).
 */
import { loadConfig } from '../../bot/config';
import { createNotifiers } from '../../bot/notify/index';
import { silentLogger } from '../../bot/log';
import { startDeliveryWorker } from '../../bot/notify/worker';
import { openStorage } from '../../bot/storage/index';

const config = loadConfig(process.env);
const storage = openStorage(config.dataDir);
const runtime = createNotifiers(config, { storage, logger: silentLogger, console: { stream: process.stderr } });
startDeliveryWorker({ storage, notifiers: runtime.notifiers, pollMs: 50, logger: silentLogger });
process.stdout.write('started\n');
