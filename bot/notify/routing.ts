import type { Config } from '../config';
import type { Article, Classification } from '../../shared/model/types';
import type { Storage } from '../storage/index';
import type { ChatPlatform, Subscription } from '../storage/subscriptions';
import type { AlertLanguage } from './i18n/language';
import { notifyRepos } from './repos';
import { resolveNotifySettings, type NotifySettings } from './settings';

/** A target name taken apart: the console, a configured destination, or a chat that subscribed. */
export type ParsedTarget =
  | { kind: 'console' }
  | { kind: 'default'; platform: ChatPlatform }
  | { kind: 'chat'; platform: ChatPlatform; chatId: string };

/**
 * Target names, stored in alerts.target and subscriptions.target; they must never change:
 * 'console', 'discord' and 'telegram' for the configured destinations, 'discord:<channelId>'
 * and 'telegram:<chatId>' for chats that subscribed with /subscribe.
 */
export function parseTarget(target: string): ParsedTarget | null {
  if (target === 'console') return { kind: 'console' };
  if (target === 'discord' || target === 'telegram') return { kind: 'default', platform: target };
  const m = /^(discord|telegram):(-?\d+|@[A-Za-z][A-Za-z0-9_]{3,})$/.exec(target);
  if (!m) return null;
  return { kind: 'chat', platform: m[1] as ChatPlatform, chatId: m[2] };
}

export interface AlertRouting {
  /**
   * The targets that want an instant alert for this article: always 'console', plus every
   * configured destination and subscribed chat whose subscription is instant and whose topics
   * and minimum score the classification meets. Daily and weekly subscribers are left out:
   * they get digests. Synchronous, so it runs inside the processor's transaction.
   */
  targetsFor(article: Partial<Article>, classification: Classification): string[];
  /** The target a chat's commands act on: the configured destination when it is that chat. */
  targetForChat(platform: ChatPlatform, chatId: string): string;
  /** The settings in force for a target: its row, or the defaults of a configured destination. */
  subscriptionFor(target: string): Subscription | null;
  /** The language of a target (and of command replies in its chat). */
  languageFor(target: string): AlertLanguage;
  /** Whether the platform that delivers to this target is configured now. */
  deliverable(target: string): boolean;
  readonly settings: NotifySettings;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * Decides who gets an alert. Reads the subscriptions table on every call (a handful of rows),
 * so a /subscribe takes effect with the next article, without a restart.
 */
export function createAlertRouting(storage: Storage, config: Pick<Config, 'notify'> | NotifySettings): AlertRouting {
  const settings = 'notify' in config ? resolveNotifySettings(config.notify) : config;
  const { subscriptions } = notifyRepos(storage);

  const discordDefault = settings.discord && (settings.discord.webhook || settings.discord.channelId) ? settings.discord : null;
  const defaults = new Map<string, Subscription>();
  const base = { mode: 'instant' as const, topics: [], language: settings.language, minScore: null, milestoneOutlets: null, createdAt: EPOCH, updatedAt: EPOCH };
  if (discordDefault) {
    defaults.set('discord', { target: 'discord', platform: 'discord', chatId: discordDefault.channelId ?? 'webhook', ...base });
  }
  if (settings.telegram) {
    defaults.set('telegram', { target: 'telegram', platform: 'telegram', chatId: settings.telegram.chatId, ...base });
  }

  /** Whether the platform that would deliver to this target is configured. */
  const deliverable = (target: string): boolean => {
    const p = parseTarget(target);
    if (!p) return false;
    if (p.kind === 'console') return true;
    if (p.kind === 'default') return defaults.has(target);
    return p.platform === 'telegram' ? settings.telegram !== null : Boolean(settings.discord?.botToken);
  };

  function subscriptionFor(target: string): Subscription | null {
    return subscriptions.get(target) ?? defaults.get(target) ?? null;
  }

  return {
    settings,

    targetsFor(_article, classification) {
      const out = ['console'];
      const rows = new Map(subscriptions.list().map((s) => [s.target, s]));
      const candidates = new Map([...defaults, ...rows]);
      for (const [target, sub] of candidates) {
        if (!deliverable(target) || sub.mode !== 'instant') continue;
        if (sub.topics.length && !classification.topics.some((t) => sub.topics.includes(t))) continue;
        if (sub.minScore !== null && classification.score < sub.minScore) continue;
        out.push(target);
      }
      return out;
    },

    targetForChat(platform, chatId) {
      const configured = defaults.get(platform);
      if (configured && configured.chatId === chatId) return platform;
      return `${platform}:${chatId}`;
    },

    subscriptionFor,
    deliverable,

    languageFor(target) {
      return subscriptionFor(target)?.language ?? settings.language;
    },
  };
}
