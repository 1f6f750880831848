import type { Classification, Scope, Topic } from '../../shared/model/types';
import type { AlertLanguage } from './i18n/language';
import type { Limiter } from './rate-limit';

export type { AlertLanguage } from './i18n/language';

/** The article an alert is about, as the targets render it. All text is feed text: untrusted. */
export interface AlertArticle {
  id: number;
  title: string;
  url: string | null;
  outlet: string;
  scope: Scope;
  published: string | null;
  /** Plain-text lead, one or two sentences (feed text, untrusted: every target escapes it). */
  lead: string;
}

/**
 * A point a story reached with a follow-up: its first international outlet, or the number of
 * outlets the destination asked to hear about. Announced with a short reply to the first message.
 */
export type Milestone = { kind: 'first-international'; outlet: string } | { kind: 'outlets'; n: number; outlets: string[] };

/** Everything a target needs to render one alert. Built by the delivery worker from storage. */
export interface AlertMessage {
  /** Outbox row id: unique per alert and destination, used as an idempotency key. */
  alertId: number;
  kind: 'new' | 'follow-up';
  /** The destination's language (its subscription's, else ALERT_LANGUAGE). */
  language: AlertLanguage;
  article: AlertArticle;
  classification: Classification;
  story: {
    id: number | null;
    /** Outlets that carried the story so far, first one first. */
    outlets: string[];
    /** For a follow-up: the target's message id of the story's first alert, if it recorded one. */
    firstRemoteId: string | null;
    /**
     * For a follow-up with `firstRemoteId`: the first alert's article and classification, so a
     * target that edits the first message can render it again with the new outlets.
     */
    first: { article: AlertArticle; classification: Classification } | null;
  };
  /** For a follow-up: the milestones the story reached with this article (usually none). */
  milestones?: Milestone[];
}

/** Alerts that arrived faster than the destination may receive them, sent as one message. */
export interface AlertSummary {
  language: AlertLanguage;
  /** In queue order; never empty. */
  alerts: AlertMessage[];
}

/** One story in a digest. */
export interface DigestStory {
  title: string;
  url: string | null;
  outlets: string[];
  articles: number;
}

/** A daily or weekly digest, built by bot/digest from the stored articles. */
export interface DigestData {
  period: 'daily' | 'weekly';
  /** Inclusive start and exclusive end, ISO UTC. */
  start: string;
  end: string;
  articles: number;
  stories: number;
  domestic: number;
  international: number;
  /** The same counts for the period before, for the change. */
  previous: { articles: number; stories: number };
  topStories: DigestStory[];
  topics: Array<{ topic: Topic; count: number }>;
}

export interface DigestMessage {
  language: AlertLanguage;
  digest: DigestData;
}

/** Result of a delivery: the target's own message id, when it has one. */
export interface SendResult {
  remoteId: string | null;
}

/**
 * A sending limit of a destination: at most `limit` requests per `windowMs`. Windows with the
 * same key are one budget, shared by every notifier that names it (two targets that post to
 * the same Telegram chat share that chat's 1 message per second).
 */
export interface RateWindow {
  key: string;
  limit: number;
  windowMs: number;
}

/** How the worker drives one delivery. */
export interface SendOptions {
  /**
   * Idempotency key, the same on every retry of this delivery. Discord gets it as the message
   * nonce with enforce_nonce, so a resend after a crash returns the first message instead of
   * posting a second one.
   */
  nonce?: string;
  /**
   * Waits until the destination's rate limits allow one more request. A notifier calls it
   * before every request it makes (a long summary split in two calls it twice).
   */
  pace?: () => Promise<void>;
}

/**
 * One alert destination (console, Discord, Telegram). Every implementation passes the shared
 * contract test in bot/notify/notifier.contract.test.ts. Failures are thrown as DeliveryError
 * (bot/notify/errors.ts) so the worker can tell a rate limit from an outage from a refusal.
 */
export interface Notifier {
  /** Stable name stored in the outbox's `target` column, e.g. "console", "discord", "telegram". */
  readonly name: string;
  /** The destination's sending limits; empty when it has none (the console). */
  readonly limits: readonly RateWindow[];
  /**
   * True when sending the same delivery twice with the same nonce cannot post it twice
   * (Discord bot messages). False means a crash between the request and its record can repeat
   * one message after a restart (the window described in bot/notify/README.md).
   */
  readonly idempotent: boolean;
  send(message: AlertMessage, options?: SendOptions): Promise<SendResult>;
  sendSummary(summary: AlertSummary, options?: SendOptions): Promise<SendResult>;
  sendDigest(digest: DigestMessage, options?: SendOptions): Promise<SendResult>;
  close?(): Promise<void>;
}

/**
 * Finds the notifier for an outbox target. Targets are either fixed ('console', 'discord',
 * 'telegram') or made per chat when a chat subscribes ('telegram:<chatId>',
 * 'discord:<channelId>'), so the worker looks them up by name instead of holding a list.
 */
export interface NotifierDirectory {
  /** The notifier that delivers to this target, or undefined when none is configured for it. */
  get(target: string): Notifier | undefined;
  /** The language alerts to this target are written in. */
  languageFor(target: string): Promise<AlertLanguage>;
  /**
   * After how many outlets a story gets a milestone reply at this target (0: never). Absent:
   * DEFAULT_MILESTONE_OUTLETS.
   */
  milestoneOutletsFor?(target: string): Promise<number>;
  /**
   * The limiter the notifiers' other traffic (command replies) already goes through, so the
   * worker counts against the same per-chat budgets. Absent: the worker makes its own.
   */
  readonly limiter?: Limiter;
}

/** The notify modules log through the bot's one logger (bot/log.ts). */
export type { Logger } from '../log';
