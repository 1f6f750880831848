import type { FeedEntry, Scope, Script } from '../../shared/model/types';
import { toIso } from './iso';
import { byteOrder, type SqlDb } from './sql';

/** A feed a chat admin added or removed, kept so the change outlives the next registry load. */
export interface ChatFeedChange extends FeedEntry {
  action: 'add' | 'remove';
  /** e.g. 'telegram:<chatId>:<userId>'. */
  changedBy: string;
  changedAt: string;
}

interface ChangeRow {
  url: string;
  action: 'add' | 'remove';
  outlet: string;
  language: string;
  script: Script;
  scope: Scope;
  homepage: string;
  changed_by: string;
  changed_at: string;
}

export type ChatFeedsRepo = ReturnType<typeof createChatFeedsRepo>;

/**
 * Feeds changed from a chat (/feeds add, /feeds remove). Each change is applied to the feeds
 * table at once, so the scheduler sees it on its next tick, and remembered here, because the
 * registry is re-applied on every start (FeedsRepo.upsertFromRegistry deactivates whatever it
 * does not list). Wire `applyTo` between loading the registry and upserting it.
 */
export function createChatFeedsRepo(db: SqlDb) {
  const REMEMBER = `
    INSERT INTO chat_feeds (url, action, outlet, language, script, scope, homepage, changed_by, changed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (url) DO UPDATE SET
      action = excluded.action, outlet = excluded.outlet, language = excluded.language,
      script = excluded.script, scope = excluded.scope, homepage = excluded.homepage,
      changed_by = excluded.changed_by, changed_at = excluded.changed_at`;
  // A re-added feed keeps its fetch state (validators, first read) like a registry upsert does.
  const ACTIVATE = `
    INSERT INTO feeds (url, outlet, language, script, scope, kind, homepage, active)
    VALUES (?, ?, ?, ?, ?, 'outlet', ?, 1)
    ON CONFLICT (url) DO UPDATE SET active = 1, paused = 0, consecutive_failures = 0, next_due_at = NULL`;
  // URLs in byte order on both backends (byteOrder in sql.ts); changed_at is an ISO instant.
  const ALL = `SELECT * FROM chat_feeds ORDER BY changed_at, url${byteOrder(db.dialect)}`;

  const fromRow = (r: ChangeRow): ChatFeedChange => ({
    url: r.url,
    outlet: r.outlet,
    language: r.language,
    script: r.script,
    scope: r.scope,
    homepage: r.homepage,
    action: r.action,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
  });
  type FeedFields = Omit<ChangeRow, 'action' | 'changed_by' | 'changed_at'>;
  const remember = (e: FeedFields, action: 'add' | 'remove', changedBy: string, at: string) =>
    db.run(REMEMBER, [e.url, action, e.outlet, e.language, e.script, e.scope, e.homepage, changedBy, toIso(at)]);

  return {
    /** Adds (or re-activates) a feed and remembers the addition. */
    async add(entry: FeedEntry, changedBy: string, at: string): Promise<void> {
      await db.transaction(async () => {
        await db.run(ACTIVATE, [entry.url, entry.outlet, entry.language, entry.script, entry.scope, entry.homepage]);
        await remember(entry, 'add', changedBy, at);
      });
    },

    /** Stops polling a feed and remembers it; false when no active feed has this URL. */
    async remove(url: string, changedBy: string, at: string): Promise<boolean> {
      return db.transaction(async () => {
        const row = await db.get<FeedFields>('SELECT url, outlet, language, script, scope, homepage FROM feeds WHERE url = ?', [url]);
        if (!row) return false;
        if ((await db.run('UPDATE feeds SET active = 0 WHERE url = ? AND active = 1', [url])).changes === 0) return false;
        await remember(row, 'remove', changedBy, at);
        return true;
      });
    },

    async list(): Promise<ChatFeedChange[]> {
      return (await db.all<ChangeRow>(ALL)).map(fromRow);
    },

    /** The registry's entries with the chats' changes on top: additions appended, removals dropped. */
    async applyTo(entries: readonly FeedEntry[]): Promise<FeedEntry[]> {
      const changes = await db.all<ChangeRow>(ALL);
      const removed = new Set(changes.filter((c) => c.action === 'remove').map((c) => c.url));
      const out = entries.filter((e) => !removed.has(e.url));
      const known = new Set(out.map((e) => e.url));
      for (const c of changes) {
        if (c.action !== 'add' || known.has(c.url)) continue;
        const { action: _a, changedBy: _b, changedAt: _c, ...entry } = fromRow(c);
        out.push({ ...entry, kind: 'outlet', origin: 'chat' });
      }
      return out;
    },
  };
}
