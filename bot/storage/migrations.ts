import type Database from 'better-sqlite3';

/**
 * The schema as an ordered list of steps. Step i brings the database from `user_version` i to
 * i + 1. Never edit a step that has shipped: append a new one, because existing databases
 * have already run the old text and will not run it again.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: feeds, stories, articles, alerts.
  `
  CREATE TABLE feeds (
    url                  TEXT PRIMARY KEY,
    outlet               TEXT NOT NULL,
    language             TEXT NOT NULL,
    script               TEXT NOT NULL CHECK (script IN ('Latn', 'Cyrl')),
    scope                TEXT NOT NULL CHECK (scope IN ('domestic', 'international')),
    kind                 TEXT NOT NULL DEFAULT 'outlet' CHECK (kind IN ('outlet', 'search')),
    homepage             TEXT NOT NULL,
    -- 0 once the feed is no longer in the registry: its state and articles stay, polling stops.
    active               INTEGER NOT NULL DEFAULT 1,
    etag                 TEXT,
    last_modified        TEXT,
    last_fetched_at      TEXT,
    last_ok_at           TEXT,
    -- NULL until the first successful read: the backlog rule keys off it.
    first_read_at        TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error           TEXT,
    next_due_at          TEXT,
    paused               INTEGER NOT NULL DEFAULT 0,
    items_seen           INTEGER NOT NULL DEFAULT 0
  ) STRICT;

  CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    -- JSON array computed by the story matcher (e.g. shingle hashes); opaque to storage.
    signature  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX stories_last_seen ON stories (last_seen);

  CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    feed_url      TEXT,
    outlet        TEXT NOT NULL,
    scope         TEXT NOT NULL CHECK (scope IN ('domestic', 'international')),
    guid          TEXT NOT NULL,
    url           TEXT,
    canonical_url TEXT,
    title         TEXT NOT NULL,
    text          TEXT NOT NULL,
    published     TEXT,
    fetched_at    TEXT NOT NULL,
    -- Items without a date sort by when we fetched them.
    dated_at      TEXT GENERATED ALWAYS AS (coalesce(published, fetched_at)) VIRTUAL,
    content_hash  TEXT NOT NULL,
    story_id      INTEGER REFERENCES stories (id),
    relevant      INTEGER NOT NULL,
    score         REAL NOT NULL,
    topics        TEXT NOT NULL,
    reasons       TEXT NOT NULL,
    lang          TEXT NOT NULL,
    script        TEXT
  ) STRICT;
  -- The three ways one report arrives twice: the same item re-read, the same page under
  -- another feed, the same text under another URL. NULLs never collide in SQLite indexes.
  CREATE UNIQUE INDEX articles_feed_guid ON articles (feed_url, guid);
  CREATE UNIQUE INDEX articles_canonical_url ON articles (canonical_url);
  CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash);
  CREATE INDEX articles_url ON articles (url);
  CREATE INDEX articles_dated_at ON articles (dated_at);
  CREATE INDEX articles_story ON articles (story_id);

  CREATE TABLE alerts (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles (id),
    story_id        INTEGER REFERENCES stories (id),
    kind            TEXT NOT NULL CHECK (kind IN ('new', 'follow-up')),
    target          TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    -- For 'pending': not before. For 'sending': when the claim expires and may be retaken.
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    remote_id       TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
  ) STRICT;
  CREATE UNIQUE INDEX alerts_article_target ON alerts (article_id, target);
  CREATE INDEX alerts_due ON alerts (target, status, next_attempt_at);
  CREATE INDEX alerts_story ON alerts (story_id, target, kind);
  `,
];

/**
 * Brings the database up to the newest schema. Each step runs in its own transaction together
 * with the `user_version` bump, so a process killed mid-migration leaves the previous version
 * intact and the step simply runs again on the next start. Returns the resulting version.
 */
export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `database schema version ${current} is newer than this program knows (${migrations.length}); ` +
        'refusing to run an older build against it',
    );
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]);
      // PRAGMA takes no bound parameters; the value is our own integer.
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return migrations.length;
}
