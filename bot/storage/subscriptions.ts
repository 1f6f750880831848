import type { Topic } from '../../shared/model/types';
import type { AlertLanguage } from '../notify/i18n/language';
import { toIso } from './iso';
import { byteOrder, type SqlDb } from './sql';

export const SUBSCRIPTION_MODES = ['instant', 'daily', 'weekly', 'off'] as const;
/** instant: every alert as it comes; daily/weekly: digests only; off: nothing (row kept for the language). */
export type SubscriptionMode = (typeof SUBSCRIPTION_MODES)[number];
export type ChatPlatform = 'discord' | 'telegram';

/** What one destination wants, and the language it reads. */
export interface Subscription {
  /** The outbox target name, e.g. 'telegram' or 'telegram:-100123'. */
  target: string;
  platform: ChatPlatform;
  chatId: string;
  mode: SubscriptionMode;
  /** Empty: every topic. */
  topics: Topic[];
  language: AlertLanguage;
  /** Alerts below this classifier score are skipped; null: the classifier's own `relevant`. */
  minScore: number | null;
  /**
   * A short reply goes out when a story reaches this many outlets; null: the default
   * (DEFAULT_MILESTONE_OUTLETS in bot/notify), 0: never.
   */
  milestoneOutlets: number | null;
  createdAt: string;
  updatedAt: string;
}

export type SubscriptionInput = Omit<Subscription, 'createdAt' | 'updatedAt' | 'milestoneOutlets'> & { milestoneOutlets?: number | null };

interface SubscriptionRow {
  target: string;
  platform: ChatPlatform;
  chat_id: string;
  mode: SubscriptionMode;
  topics: string;
  language: AlertLanguage;
  min_score: number | null;
  milestone_outlets: number | null;
  created_at: string;
  updated_at: string;
}

function fromRow(r: SubscriptionRow): Subscription {
  return {
    target: r.target,
    platform: r.platform,
    chatId: r.chat_id,
    mode: r.mode,
    topics: JSON.parse(r.topics) as Topic[],
    language: r.language,
    minScore: r.min_score,
    milestoneOutlets: r.milestone_outlets,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type SubscriptionsRepo = ReturnType<typeof createSubscriptionsRepo>;

/**
 * Subscriptions and chat settings, one row per destination. The configured default
 * destinations ('discord', 'telegram') have no row until a chat changes their settings; the
 * routing supplies their defaults.
 */
export function createSubscriptionsRepo(db: SqlDb) {
  const UPSERT = `
    INSERT INTO subscriptions (target, platform, chat_id, mode, topics, language, min_score, milestone_outlets, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (target) DO UPDATE SET
      platform = excluded.platform, chat_id = excluded.chat_id, mode = excluded.mode,
      topics = excluded.topics, language = excluded.language, min_score = excluded.min_score,
      milestone_outlets = excluded.milestone_outlets, updated_at = excluded.updated_at`;
  const GET_ONE = 'SELECT * FROM subscriptions WHERE target = ?';

  return {
    async get(target: string): Promise<Subscription | null> {
      const row = await db.get<SubscriptionRow>(GET_ONE, [target]);
      return row ? fromRow(row) : null;
    },

    /** Creates or replaces a destination's settings (a missing milestoneOutlets is the default); keeps its creation time. */
    async upsert(s: SubscriptionInput, at: string): Promise<Subscription> {
      const atIso = toIso(at);
      await db.run(UPSERT, [s.target, s.platform, s.chatId, s.mode, JSON.stringify([...new Set(s.topics)]), s.language, s.minScore, s.milestoneOutlets ?? null, atIso, atIso]);
      return fromRow((await db.get<SubscriptionRow>(GET_ONE, [s.target]))!);
    },

    /** Changes only the mode (e.g. /unsubscribe sets 'off'). False when the target has no row. */
    async setMode(target: string, mode: SubscriptionMode, at: string): Promise<boolean> {
      return (await db.run('UPDATE subscriptions SET mode = ?, updated_at = ? WHERE target = ?', [mode, toIso(at), target])).changes > 0;
    },

    /** Every row, or only those with the given mode. */
    async list(options: { mode?: SubscriptionMode } = {}): Promise<Subscription[]> {
      // Targets in byte order on both backends (byteOrder in sql.ts).
      const order = `ORDER BY target${byteOrder(db.dialect)}`;
      const rows =
        options.mode === undefined
          ? await db.all<SubscriptionRow>(`SELECT * FROM subscriptions ${order}`)
          : await db.all<SubscriptionRow>(`SELECT * FROM subscriptions WHERE mode = ? ${order}`, [options.mode]);
      return rows.map(fromRow);
    },
  };
}
