import type { Classification, Scope } from '../../shared/model/types';

/** Everything a target needs to render one alert. Built by the delivery worker from storage. */
export interface AlertMessage {
  /** Outbox row id: unique per alert and destination, used as an idempotency key. */
  alertId: number;
  kind: 'new' | 'follow-up';
  article: {
    id: number;
    title: string;
    url: string | null;
    outlet: string;
    scope: Scope;
    published: string | null;
    /** Plain-text lead (feed text, untrusted: every target escapes it). */
    lead: string;
  };
  classification: Classification;
  story: {
    id: number | null;
    /** Outlets that carried the story so far, first one first. */
    outlets: string[];
    /** For a follow-up: the target's message id of the story's first alert, if it recorded one. */
    firstRemoteId: string | null;
  };
}

/** Result of a delivery: the target's own message id, when it has one. */
export interface SendResult {
  remoteId: string | null;
}

/**
 * One alert destination (console, Discord, Telegram). Every implementation passes the shared
 * contract test in bot/notify/notifier.contract.test.ts.
 */
export interface Notifier {
  /** Stable name stored in the outbox's `target` column, e.g. "console", "discord", "telegram". */
  readonly name: string;
  send(message: AlertMessage): Promise<SendResult>;
  close?(): Promise<void>;
}
