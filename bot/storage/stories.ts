import type Database from 'better-sqlite3';
import type { Story } from '../../shared/model/types';
import { toIso } from './iso';

/** The matcher's fingerprint of a story, e.g. the hashes of its title shingles. Stored as JSON. */
export type StorySignature = number[];

/** A recent story offered to the matcher, with the signature it stored. */
export interface StoryCandidate {
  id: number;
  title: string;
  firstSeen: string;
  lastSeen: string;
  signature: StorySignature;
}

interface StoryRow {
  id: number;
  title: string;
  first_seen: string;
  last_seen: string;
  signature: string;
}

export type StoriesRepo = ReturnType<typeof createStoriesRepo>;

/**
 * Stories: copies of one report across outlets and scripts. Membership is `articles.story_id`;
 * the similarity itself is computed by the caller, storage only keeps each story's signature.
 */
export function createStoriesRepo(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO stories (title, first_seen, last_seen, signature) VALUES (?, ?, ?, ?)',
  );
  const setStory = db.prepare('UPDATE articles SET story_id = ? WHERE id = ?');
  // A story stays a candidate while copies keep arriving, so last_seen follows its newest article.
  const touch = db.prepare(`
    UPDATE stories SET last_seen = max(last_seen, (SELECT dated_at FROM articles WHERE id = @articleId))
    WHERE id = @storyId`);
  const getOne = db.prepare<[number], StoryRow>('SELECT * FROM stories WHERE id = ?');
  const members = db.prepare<[number], { id: number; outlet: string; scope: 'domestic' | 'international' }>(
    'SELECT id, outlet, scope FROM articles WHERE story_id = ? ORDER BY dated_at, id',
  );
  const candidates = db.prepare<[string], StoryRow>(
    'SELECT * FROM stories WHERE last_seen >= ? ORDER BY last_seen DESC, id DESC',
  );

  /** Outlets in the order they first reported the story, each once. */
  function outletsOf(storyId: number): string[] {
    return [...new Set(members.all(storyId).map((m) => m.outlet))];
  }

  /** The same, each with its scope and its first article in the story, for milestones. */
  function outletScopesOf(storyId: number): Array<{ outlet: string; scope: 'domestic' | 'international'; firstArticleId: number }> {
    const seen = new Map<string, { outlet: string; scope: 'domestic' | 'international'; firstArticleId: number }>();
    for (const m of members.all(storyId)) if (!seen.has(m.outlet)) seen.set(m.outlet, { outlet: m.outlet, scope: m.scope, firstArticleId: m.id });
    return [...seen.values()];
  }

  return {
    /** A new story, first seen at `firstSeen`; returns its id. */
    create(title: string, firstSeen: string, signature: StorySignature): number {
      const at = toIso(firstSeen);
      return Number(insert.run(title, at, at, JSON.stringify(signature)).lastInsertRowid);
    },

    /** Makes the article a member of the story (moving it if it was in another). */
    attach(articleId: number, storyId: number): void {
      db.transaction(() => {
        if (setStory.run(storyId, articleId).changes === 0) throw new Error(`unknown article: ${articleId}`);
        touch.run({ articleId, storyId });
      })();
    },

    get(id: number): Story | null {
      const row = getOne.get(id);
      if (!row) return null;
      return {
        id: row.id,
        title: row.title,
        firstSeen: row.first_seen,
        articleIds: members.all(id).map((m) => m.id),
        outlets: outletsOf(id),
      };
    },

    outletsOf,
    outletScopesOf,

    /** Stories with an article dated at or after `sinceIso`, newest first. */
    findCandidates(sinceIso: string): StoryCandidate[] {
      return candidates.all(toIso(sinceIso)).map((r) => ({
        id: r.id,
        title: r.title,
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
        signature: JSON.parse(r.signature) as StorySignature,
      }));
    },
  };
}
