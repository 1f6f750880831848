import type { REST } from 'discord.js';
import type { Api } from 'grammy';
import { createDiscordNotifier } from './discord/discord-notifier';
import { DEFAULT_MILESTONE_OUTLETS } from './milestones';
import type { Limiter } from './rate-limit';
import { parseTarget, type AlertRouting } from './routing';
import type { NotifySettings } from './settings';
import { createTelegramNotifier } from './telegram/telegram-notifier';
import type { Notifier, NotifierDirectory } from './types';

export interface DirectoryDeps {
  settings: NotifySettings;
  routing: AlertRouting;
  console: Notifier;
  /** REST client with the bot token (if any); webhook routes need none. Null without Discord. */
  discordRest: REST | null;
  /** grammY Api for the bot; null without Telegram. */
  telegramApi: Api | null;
  /** Shared with the delivery worker and the command replies. */
  limiter: Limiter;
}

/**
 * Finds the notifier for a target name, making per-chat notifiers ('telegram:<id>',
 * 'discord:<channelId>') on first use. They all share one REST client or one grammY Api, and
 * the worker's rate limiter keys by chat, so two targets for the same chat share its budget.
 */
export function createNotifierDirectory(deps: DirectoryDeps): NotifierDirectory & { all(): Notifier[] } {
  const made = new Map<string, Notifier>([['console', deps.console]]);
  const { discord, telegram } = deps.settings;

  function make(target: string): Notifier | undefined {
    const p = parseTarget(target);
    if (!p || p.kind === 'console') return undefined;
    if (p.platform === 'discord') {
      if (!discord || !deps.discordRest) return undefined;
      if (p.kind === 'default') {
        if (discord.webhook) return createDiscordNotifier({ name: target, rest: deps.discordRest, destination: { kind: 'webhook', ...discord.webhook } });
        if (discord.channelId && discord.botToken) {
          return createDiscordNotifier({ name: target, rest: deps.discordRest, destination: { kind: 'channel', channelId: discord.channelId } });
        }
        return undefined;
      }
      if (!discord.botToken) return undefined;
      return createDiscordNotifier({ name: target, rest: deps.discordRest, destination: { kind: 'channel', channelId: p.chatId } });
    }
    if (!telegram || !deps.telegramApi) return undefined;
    return createTelegramNotifier({ name: target, api: deps.telegramApi, chatId: p.kind === 'default' ? telegram.chatId : p.chatId });
  }

  return {
    get(target) {
      let n = made.get(target);
      if (!n) {
        n = make(target);
        if (n) made.set(target, n);
      }
      return n;
    },
    languageFor: (target) => deps.routing.languageFor(target),
    milestoneOutletsFor: async (target) => (await deps.routing.subscriptionFor(target))?.milestoneOutlets ?? DEFAULT_MILESTONE_OUTLETS,
    limiter: deps.limiter,
    all: () => [...made.values()],
  };
}
