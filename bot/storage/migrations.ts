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
  // 2: coverage and search for the API (bot/api).
  // - articles_coverage: every column the coverage, mentions and related queries read, so they
  //   run from the index alone and never page in the article text. The date is the expression
  //   coalesce(published, fetched_at) plus both columns, not the generated dated_at, because
  //   SQLite does not treat an index on a VIRTUAL column as covering (measured: 40 ms instead
  //   of 100-150 ms per query over 50,000 articles).
  // - article_search: full-text index of the folded title and text (fold() from shared/text:
  //   Latin, lower case, no diacritics), so "q" and organisation names match across scripts.
  //   fold() is JavaScript, so no trigger can fill it: bot/api/search-index.ts indexes the
  //   articles above article_search_state.last_article_id, at start and before each search.
  //   Contentless: it stores only the index, not a second copy of the text.
  `
  CREATE INDEX articles_coverage ON articles (
    relevant, coalesce(published, fetched_at), scope, lang, script, outlet, story_id, topics, published, fetched_at
  );
  CREATE VIRTUAL TABLE article_search USING fts5(
    title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TABLE article_search_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    last_article_id INTEGER NOT NULL
  ) STRICT;
  INSERT INTO article_search_state (id, last_article_id) VALUES (1, 0);
  `,
  // 3: alert delivery (bot/notify, bot/commands, bot/digest): subscriptions and chat settings,
  // the record of each send attempt (crash safety), digests as their own outbox, and the feeds
  // chat admins added or removed.
  `
  CREATE TABLE subscriptions (
    -- The outbox target this row configures: 'discord', 'telegram' (the configured default
    -- destinations) or 'discord:<channelId>', 'telegram:<chatId>' (chats that subscribed).
    target     TEXT PRIMARY KEY,
    platform   TEXT NOT NULL CHECK (platform IN ('discord', 'telegram')),
    chat_id    TEXT NOT NULL,
    -- 'off' keeps the row (and so the chat's language) after /unsubscribe.
    mode       TEXT NOT NULL CHECK (mode IN ('instant', 'daily', 'weekly', 'off')),
    -- JSON array of topics; empty means every topic.
    topics     TEXT NOT NULL DEFAULT '[]',
    language   TEXT NOT NULL CHECK (language IN ('sr-Latn', 'sr-Cyrl', 'en')),
    min_score  REAL CHECK (min_score IS NULL OR (min_score >= 0 AND min_score <= 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  -- Written before a delivery request leaves and completed once its outcome is recorded, so a
  -- restart knows which alerts may already be in the chat (see bot/notify/README.md).
  CREATE TABLE alert_sends (
    alert_id    INTEGER PRIMARY KEY REFERENCES alerts (id),
    -- Idempotency key sent with the message (Discord nonce); every retry reuses it.
    nonce       TEXT NOT NULL,
    -- 1 when the alert went out inside a burst summary (its remote id is not a message of its own).
    folded      INTEGER NOT NULL DEFAULT 0,
    started_at  TEXT NOT NULL,
    finished_at TEXT
  ) STRICT;

  -- Daily and weekly digests: a second outbox. The body is built once, so a retry or a resend
  -- after a crash carries the same numbers.
  CREATE TABLE digests (
    id              INTEGER PRIMARY KEY,
    target          TEXT NOT NULL,
    period          TEXT NOT NULL CHECK (period IN ('daily', 'weekly')),
    period_start    TEXT NOT NULL,
    period_end      TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    send_started_at TEXT,
    remote_id       TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
  ) STRICT;
  CREATE UNIQUE INDEX digests_period ON digests (target, period, period_end);
  CREATE INDEX digests_due ON digests (target, status, next_attempt_at);

  -- Feeds added or removed from a chat. The registry (defaults or FEEDS_FILE) is re-applied on
  -- every start; these rows go on top of it, so a chat admin's change survives restarts.
  CREATE TABLE chat_feeds (
    url        TEXT PRIMARY KEY,
    action     TEXT NOT NULL CHECK (action IN ('add', 'remove')),
    outlet     TEXT NOT NULL,
    language   TEXT NOT NULL,
    script     TEXT NOT NULL CHECK (script IN ('Latn', 'Cyrl')),
    scope      TEXT NOT NULL CHECK (scope IN ('domestic', 'international')),
    homepage   TEXT NOT NULL,
    -- Who asked, e.g. 'telegram:<chatId>:<userId>', for the audit trail.
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
  ) STRICT;
  `,
  // 4: per subscription, after how many outlets a story gets a short milestone reply
  // (bot/notify: "now reported by N outlets"); NULL is the default, 0 turns it off.
  `
  ALTER TABLE subscriptions ADD COLUMN milestone_outlets INTEGER
    CHECK (milestone_outlets IS NULL OR (milestone_outlets >= 0 AND milestone_outlets <= 1000));
  `,
  // 5: the article stage (bot/reader/article). Article pages fetched for short or undecided
  // items, one row per URL asked for, whatever came of it: no URL is fetched twice, restarts
  // included, and the per-host budget counts these rows. Articles keep the feed text in
  // `text` and the page's text apart in `body`, with the page's status and which text the
  // decision used. The search index (bot/api/search-index.ts) indexes the feed text and
  // the body together in its `body` column.
  `
  CREATE TABLE pages (
    url         TEXT PRIMARY KEY,
    host        TEXT NOT NULL,
    fetched_at  TEXT NOT NULL,
    status      TEXT NOT NULL,
    final_url   TEXT,
    encoding    TEXT,
    method      TEXT,
    lead        TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    error       TEXT
  ) STRICT;
  CREATE INDEX pages_host_time ON pages (host, fetched_at);

  ALTER TABLE articles ADD COLUMN body TEXT;
  ALTER TABLE articles ADD COLUMN page_status TEXT;
  ALTER TABLE articles ADD COLUMN decided_on TEXT;
  `,
  // 6: hostile and heavy feeds (issue 10).
  `
  -- Hostile and heavy feeds (issue 10): items over FEED_MAX_ITEMS left out in the latest read,
  -- and reads that succeeded but were slow, in a row (they back off like failures).
  ALTER TABLE feeds ADD COLUMN items_dropped INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE feeds ADD COLUMN consecutive_slow INTEGER NOT NULL DEFAULT 0;
  `,
  // 7: which tracked organisations each article names (bot/api/org-index.ts), filled from
  // JavaScript like the search index, for the mentions counts; `orgs_key` says for which
  // organisation list (ORGS_FILE) it was built, '' for none yet.
  `
  CREATE TABLE article_orgs (
    article_id INTEGER NOT NULL,
    org_id     TEXT NOT NULL,
    PRIMARY KEY (article_id, org_id)
  ) STRICT;
  CREATE TABLE article_orgs_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    orgs_key        TEXT NOT NULL,
    last_article_id INTEGER NOT NULL
  ) STRICT;
  INSERT INTO article_orgs_state (id, orgs_key, last_article_id) VALUES (1, '', 0);
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
