import { Routes, type APIChannel, type APIWebhook, type ChatInputCommandInteraction, type REST } from 'discord.js';
import { Bot, type Api } from 'grammy';
import type { FeedEntry } from '../../shared/model/types';
import type { Config } from '../config';
import type { CommandDeps, LookupAll } from '../commands/index';
import type { Storage } from '../storage/index';
import { systemClock, type Clock } from './clock';
import { createConsoleNotifier, type ConsoleNotifierOptions } from './console/console-notifier';
import { createDiscordCommandHandler, discordCommandDefinitions, type ProjectPlace } from './discord/commands';
import { startDiscordGateway } from './discord/gateway';
import { createDiscordRest } from './discord/rest';
import { createNotifierDirectory } from './directory';
import { stderrLogger, withSecrets, type Logger } from '../log';
import { RateLimiter, type Limiter } from './rate-limit';
import { SharedRateLimiter } from './shared-rate-limit';
import { notifyRepos } from './repos';
import { createAlertRouting, type AlertRouting } from './routing';
import { derivedSecrets, resolveNotifySettings, type NotifySettings } from './settings';
import { registerTelegramCommands, TELEGRAM_COMMAND_LIST } from './telegram/commands';
import { telegramLimits } from './telegram/telegram-notifier';
import type { Notifier, NotifierDirectory } from './types';

export type * from './types';
export { DeliveryError } from './errors';
export { startDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './worker';
export { createAlertRouting, parseTarget, type AlertRouting } from './routing';
export { resolveNotifySettings, type NotifySettings } from './settings';
export { silentLogger, withSecrets } from '../log';
export { notifyRepos } from './repos';
export { startDigestSchedule, type DigestSchedule } from '../digest/schedule';

export interface CreateNotifiersOptions {
  storage: Storage;
  /** Any line logger (bot/log.ts fits); lines are redacted here as well. */
  logger?: Logger;
  /** The console target's stream and colour (tests capture it). */
  console?: ConsoleNotifierOptions;
  /** Clock for command replies; default the system's. */
  now?: () => Date;
  /** Clock of the rate limiter shared by command replies and the delivery worker (tests: virtual). */
  clock?: Clock;
  /** DNS for the /feeds add guard; tests stub it. */
  lookup?: LookupAll;
}

export interface NotifyRuntime {
  /** For startDeliveryWorker: finds the notifier of any target, per-chat ones included. */
  notifiers: NotifierDirectory;
  /** For the processor (targetsFor) and the digest schedule. */
  routing: AlertRouting;
  settings: NotifySettings;
  /**
   * Starts answering commands: Telegram long polling and, with DISCORD_TOKEN, the Discord
   * gateway with slash commands registered over REST. Never throws; failures are logged and
   * alert delivery (REST only) is unaffected.
   */
  startCommands(): Promise<void>;
  /** Stops polling and the gateway, and closes the notifiers. */
  stop(): Promise<void>;
  /** The grammY bot (null without Telegram); tests drive it with handleUpdate. */
  readonly telegramBot: Bot | null;
  /** Answers one Discord slash command (null without a bot token); the gateway calls it. */
  readonly handleDiscordCommand: ((interaction: ChatInputCommandInteraction) => Promise<void>) | null;
}

/**
 * The feed registry with the changes chat admins made (/feeds add, /feeds remove) applied on
 * top. Call it between loading the registry and FeedsRepo.upsertFromRegistry, or a chat's
 * changes are undone by the next start.
 */
export function applyChatFeedChanges(storage: Storage, entries: readonly FeedEntry[]): Promise<FeedEntry[]> {
  return notifyRepos(storage).chatFeeds.applyTo(entries);
}

/**
 * Builds every configured destination (the console always; Discord by webhook or bot; Telegram)
 * after checking the settings as a whole: a malformed webhook URL or a missing chat id throws
 * a ConfigError naming the variable, so start-up stops with a clear message. Tokens never reach
 * a log line: the logger is wrapped to redact them, including the webhook token that appears
 * alone in request URLs.
 */
export function createNotifiers(config: Pick<Config, 'notify' | 'secrets'>, options: CreateNotifiersOptions): NotifyRuntime {
  const settings = resolveNotifySettings(config.notify);
  const logger = withSecrets(options.logger ?? stderrLogger, [...config.secrets, ...derivedSecrets(settings)]);
  const { storage } = options;
  const routing = createAlertRouting(storage, settings);
  const consoleNotifier: Notifier = createConsoleNotifier(options.console);

  const discordRest: REST | null = settings.discord ? createDiscordRest({ api: settings.discord.apiUrl, token: settings.discord.botToken }) : null;
  const telegramBot = settings.telegram ? new Bot(settings.telegram.botToken, { client: { apiRoot: settings.telegram.apiRoot } }) : null;
  const telegramApi: Api | null = telegramBot?.api ?? null;

  // Several instances on one PostgreSQL share each destination's budget through the database.
  const clock = options.clock ?? systemClock;
  const limiter: Limiter = storage.dialect === 'postgres' ? new SharedRateLimiter(storage.db, clock) : new RateLimiter(clock);
  const directory = createNotifierDirectory({ settings, routing, console: consoleNotifier, discordRest, telegramApi, limiter });
  const commandDeps: CommandDeps = { storage, routing, now: options.now, lookup: options.lookup, timeZone: settings.digest.timezone };

  if (telegramBot && settings.telegram) {
    registerTelegramCommands(telegramBot, {
      deps: commandDeps,
      projectChatId: settings.telegram.chatId,
      logger,
      pace: (chatId) => limiter.acquire(telegramLimits(chatId)),
    });
  }

  // Where the configured Discord destination posts: its guild's Manage Server allows feed
  // changes, and commands in its channel act on the 'discord' target. Looked up once over REST.
  let place: ProjectPlace | null = null;
  const projectPlace = async (): Promise<ProjectPlace> => {
    if (place) return place;
    const discord = settings.discord;
    if (!discord || !discordRest) return { guildId: null, channelId: null };
    try {
      if (discord.channelId) {
        const channel = (await discordRest.get(Routes.channel(discord.channelId))) as APIChannel & { guild_id?: string };
        place = { guildId: channel.guild_id ?? null, channelId: discord.channelId };
      } else if (discord.webhook) {
        const hook = (await discordRest.get(Routes.webhook(discord.webhook.id, discord.webhook.token), { auth: false })) as APIWebhook;
        place = { guildId: hook.guild_id ?? null, channelId: hook.channel_id ?? null };
      }
    } catch (err) {
      logger.warn('discord: could not look up the configured channel; feed changes are refused until it works', {
        error: err instanceof Error ? err.message : String(err),
      });
    }
    return place ?? { guildId: null, channelId: discord.channelId };
  };
  const handleDiscordCommand = settings.discord?.botToken ? createDiscordCommandHandler({ deps: commandDeps, projectPlace, logger }) : null;

  let gateway: { stop(): Promise<void> } | null = null;
  let polling = false;

  return {
    notifiers: directory,
    routing,
    settings,
    telegramBot,
    handleDiscordCommand,

    async startCommands() {
      if (telegramBot) {
        try {
          await telegramBot.api.setMyCommands(TELEGRAM_COMMAND_LIST.sr);
          await telegramBot.api.setMyCommands(TELEGRAM_COMMAND_LIST.en, { language_code: 'en' });
        } catch (err) {
          logger.warn('telegram: could not register the command list', { error: err instanceof Error ? err.message : String(err) });
        }
        polling = true;
        telegramBot
          .start({ allowed_updates: ['message', 'channel_post'], onStart: (me) => logger.info('telegram: answering commands', { bot: me.username }) })
          .catch((err: unknown) => logger.error('telegram: command polling stopped; alerts still go out', { error: err instanceof Error ? err.message : String(err) }))
          .finally(() => (polling = false));
      }
      if (settings.discord?.botToken && discordRest && handleDiscordCommand) {
        try {
          const app = (await discordRest.get(Routes.currentApplication())) as { id: string };
          await discordRest.put(Routes.applicationCommands(app.id), { body: discordCommandDefinitions() });
        } catch (err) {
          logger.warn('discord: could not register slash commands', { error: err instanceof Error ? err.message : String(err) });
        }
        gateway = startDiscordGateway({ token: settings.discord.botToken, api: settings.discord.apiUrl, onCommand: handleDiscordCommand, logger });
      }
    },

    async stop() {
      if (telegramBot && polling) await telegramBot.stop();
      await gateway?.stop();
      gateway = null;
      for (const n of directory.all()) await n.close?.();
    },
  };
}

