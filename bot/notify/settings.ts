import { validate as validateCron } from 'node-cron';
import { ConfigError } from '../config';
import { DEFAULT_LANGUAGE, parseLanguage, type AlertLanguage } from './i18n/language';
import { parseHttpUrl } from '../../shared/url/http-url';

/**
 * The alert-delivery variables as read from the environment (trimmed, blank = unset). Part of
 * Config as `config.notify`; checked as a whole by `resolveNotifySettings` when the notifiers
 * are built, because whether a value is valid depends on the others (a bot token needs a
 * channel, a chat id needs a bot token).
 */
export interface NotifyEnv {
  /** ALERT_LANGUAGE: sr-Latn (default), sr-Cyrl or en. */
  language: AlertLanguage;
  discordWebhookUrl: string | null;
  discordToken: string | null;
  discordChannelId: string | null;
  discordApiUrl: string | null;
  telegramBotToken: string | null;
  telegramChatId: string | null;
  telegramApiRoot: string | null;
  /** DIGEST_DAILY_CRON, default 08:00 every day. */
  digestDailyCron: string;
  /** DIGEST_WEEKLY_CRON, default 08:00 on Mondays. */
  digestWeeklyCron: string;
  /** DIGEST_TIMEZONE for both schedules and for dates in messages' digests. Default Europe/Belgrade. */
  digestTimezone: string;
}

export const NOTIFY_DEFAULTS = {
  language: DEFAULT_LANGUAGE,
  digestDailyCron: '0 8 * * *',
  digestWeeklyCron: '0 8 * * 1',
  digestTimezone: 'Europe/Belgrade',
} as const;

const SECRET_FIELDS = ['discordWebhookUrl', 'discordToken', 'telegramBotToken'] as const;

/**
 * Reads the variables. Only those whose validity does not depend on others are checked here
 * (language, cron expressions, time zone); problems go to `bad` like the rest of loadConfig.
 */
export function readNotifyEnv(
  raw: (name: string) => string | undefined,
  bad: (variable: string, message: string) => void,
): NotifyEnv {
  const languageText = raw('ALERT_LANGUAGE');
  let language: AlertLanguage = NOTIFY_DEFAULTS.language;
  if (languageText !== undefined) {
    const parsed = parseLanguage(languageText);
    if (parsed) language = parsed;
    else bad('ALERT_LANGUAGE', `must be sr-Latn, sr-Cyrl or en, got ${JSON.stringify(languageText)}`);
  }
  const cron = (name: string, fallback: string): string => {
    const value = raw(name) ?? fallback;
    if (!validateCron(value)) bad(name, `must be a cron expression with 5 fields (or 6, seconds first), got ${JSON.stringify(value)}`);
    return value;
  };
  const digestTimezone = raw('DIGEST_TIMEZONE') ?? NOTIFY_DEFAULTS.digestTimezone;
  if (!isTimeZone(digestTimezone)) bad('DIGEST_TIMEZONE', `must be an IANA time zone such as Europe/Belgrade, got ${JSON.stringify(digestTimezone)}`);

  const env: NotifyEnv = {
    language,
    discordWebhookUrl: raw('DISCORD_WEBHOOK_URL') ?? null,
    discordToken: raw('DISCORD_TOKEN') ?? null,
    discordChannelId: raw('DISCORD_CHANNEL_ID') ?? null,
    discordApiUrl: raw('DISCORD_API_URL') ?? null,
    telegramBotToken: raw('TELEGRAM_BOT_TOKEN') ?? null,
    telegramChatId: raw('TELEGRAM_CHAT_ID') ?? null,
    telegramApiRoot: raw('TELEGRAM_API_ROOT') ?? null,
    digestDailyCron: cron('DIGEST_DAILY_CRON', NOTIFY_DEFAULTS.digestDailyCron),
    digestWeeklyCron: cron('DIGEST_WEEKLY_CRON', NOTIFY_DEFAULTS.digestWeeklyCron),
    digestTimezone,
  };
  // Printing or serialising the settings must not print the tokens.
  const masked = (): Record<string, unknown> => {
    const copy: Record<string, unknown> = { ...env };
    for (const f of SECRET_FIELDS) if (copy[f] !== null) copy[f] = '***';
    return copy;
  };
  Object.defineProperty(env, 'toJSON', { value: masked, enumerable: false });
  Object.defineProperty(env, Symbol.for('nodejs.util.inspect.custom'), { value: masked, enumerable: false });
  return env;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A Discord webhook, split into the parts the REST route needs. */
export interface DiscordWebhook {
  id: string;
  token: string;
}

/** Discord delivery and commands, after validation. */
export interface DiscordSettings {
  /** Delivery through a channel webhook, when DISCORD_WEBHOOK_URL is set. */
  webhook: DiscordWebhook | null;
  /** The bot token: delivery to DISCORD_CHANNEL_ID, slash commands, chats that subscribe. */
  botToken: string | null;
  channelId: string | null;
  /** REST base without the version, e.g. https://discord.com/api. */
  apiUrl: string;
}

export interface TelegramSettings {
  botToken: string;
  /** Numeric id (negative for groups and channels) or @channelusername. */
  chatId: string;
  apiRoot: string;
}

/** Validated alert-delivery settings: which destinations exist and how to reach them. */
export interface NotifySettings {
  language: AlertLanguage;
  discord: DiscordSettings | null;
  telegram: TelegramSettings | null;
  digest: { dailyCron: string; weeklyCron: string; timezone: string };
}

export const DISCORD_API_DEFAULT = 'https://discord.com/api';
export const TELEGRAM_API_DEFAULT = 'https://api.telegram.org';

const WEBHOOK_HOSTS = new Set(['discord.com', 'discordapp.com', 'canary.discord.com', 'ptb.discord.com']);
const SNOWFLAKE = /^\d{15,21}$/;

/** The id and token of a Discord webhook URL, or null when it is not one. */
export function parseWebhookUrl(text: string): DiscordWebhook | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !WEBHOOK_HOSTS.has(url.hostname)) return null;
  const m = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/([A-Za-z0-9_-]+)\/?$/.exec(url.pathname);
  if (!m || !SNOWFLAKE.test(m[1])) return null;
  return { id: m[1], token: m[2] };
}

function httpBase(text: string): string | null {
  const url = parseHttpUrl(text, { noCredentials: true });
  if (!url || url.search || url.hash) return null;
  return url.toString().replace(/\/+$/, '');
}

/**
 * Checks the alert-delivery settings as a whole and returns them parsed, or throws one
 * ConfigError naming every problem. Messages never repeat a secret's value: a token or webhook
 * URL is only ever described.
 */
export function resolveNotifySettings(env: NotifyEnv): NotifySettings {
  const problems: Array<{ variable: string; message: string }> = [];
  const bad = (variable: string, message: string) => problems.push({ variable, message });

  let discord: DiscordSettings | null = null;
  const d = env;
  if (d.discordWebhookUrl || d.discordToken || d.discordChannelId || d.discordApiUrl) {
    let webhook: DiscordWebhook | null = null;
    if (d.discordWebhookUrl) {
      webhook = parseWebhookUrl(d.discordWebhookUrl);
      if (!webhook) {
        bad('DISCORD_WEBHOOK_URL', 'must be a Discord webhook URL like https://discord.com/api/webhooks/<id>/<token> (value not shown: it is a secret)');
      }
    }
    if (d.discordToken && !/^[A-Za-z0-9._-]{20,}$/.test(d.discordToken)) {
      bad('DISCORD_TOKEN', 'does not look like a Discord bot token (value not shown: it is a secret)');
    }
    if (d.discordChannelId && !SNOWFLAKE.test(d.discordChannelId)) {
      bad('DISCORD_CHANNEL_ID', `must be a channel id (digits; Developer Mode, right-click the channel, Copy ID), got ${JSON.stringify(d.discordChannelId)}`);
    }
    if (d.discordChannelId && !d.discordToken) bad('DISCORD_CHANNEL_ID', 'needs DISCORD_TOKEN (a bot posts to the channel)');
    if (d.discordToken && !d.discordChannelId && !d.discordWebhookUrl) {
      bad('DISCORD_CHANNEL_ID', 'is missing: DISCORD_TOKEN needs the channel alerts go to (or set DISCORD_WEBHOOK_URL)');
    }
    if (d.discordWebhookUrl && d.discordChannelId) {
      bad('DISCORD_CHANNEL_ID', 'and DISCORD_WEBHOOK_URL are both set: choose one way to post alerts (the bot token can stay for commands)');
    }
    if (!d.discordWebhookUrl && !d.discordToken && d.discordApiUrl) {
      bad('DISCORD_API_URL', 'is set but neither DISCORD_WEBHOOK_URL nor DISCORD_TOKEN is');
    }
    const apiUrl = d.discordApiUrl ? httpBase(d.discordApiUrl) : DISCORD_API_DEFAULT;
    if (!apiUrl) bad('DISCORD_API_URL', `must be an http(s) URL such as https://discord.com/api, got ${JSON.stringify(d.discordApiUrl)}`);
    discord = {
      webhook,
      botToken: d.discordToken,
      channelId: d.discordWebhookUrl ? null : d.discordChannelId,
      apiUrl: apiUrl ?? DISCORD_API_DEFAULT,
    };
  }

  let telegram: TelegramSettings | null = null;
  if (env.telegramBotToken || env.telegramChatId || env.telegramApiRoot) {
    if (!env.telegramBotToken) bad('TELEGRAM_BOT_TOKEN', 'is missing: TELEGRAM_CHAT_ID and TELEGRAM_API_ROOT need it');
    else if (!/^\d+:[A-Za-z0-9_-]{20,}$/.test(env.telegramBotToken)) {
      bad('TELEGRAM_BOT_TOKEN', 'does not look like a bot token from @BotFather, 123456:ABC... (value not shown: it is a secret)');
    }
    if (!env.telegramChatId) {
      bad('TELEGRAM_CHAT_ID', 'is missing: set the chat alerts go to (a numeric id, negative for groups and channels, or @channelname)');
    } else if (!/^-?\d+$/.test(env.telegramChatId) && !/^@[A-Za-z][A-Za-z0-9_]{3,}$/.test(env.telegramChatId)) {
      bad('TELEGRAM_CHAT_ID', `must be a numeric chat id or @channelname, got ${JSON.stringify(env.telegramChatId)}`);
    }
    const apiRoot = env.telegramApiRoot ? httpBase(env.telegramApiRoot) : TELEGRAM_API_DEFAULT;
    if (!apiRoot) bad('TELEGRAM_API_ROOT', `must be an http(s) URL such as https://api.telegram.org, got ${JSON.stringify(env.telegramApiRoot)}`);
    telegram = { botToken: env.telegramBotToken ?? '', chatId: env.telegramChatId ?? '', apiRoot: apiRoot ?? TELEGRAM_API_DEFAULT };
  }

  if (problems.length) throw new ConfigError(problems);
  return {
    language: env.language,
    discord,
    telegram,
    digest: { dailyCron: env.digestDailyCron, weeklyCron: env.digestWeeklyCron, timezone: env.digestTimezone },
  };
}

/**
 * Secrets that are not whole variable values and so escape config.secrets: the webhook's
 * token appears alone in request URLs (…/webhooks/<id>/<token>).
 */
export function derivedSecrets(settings: NotifySettings): string[] {
  return settings.discord?.webhook ? [settings.discord.webhook.token] : [];
}
