import type { Story } from '../../shared/model/types';
import { toIso } from './iso';
import type { SqlDb } from './sql';

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

function candidateOf(r: StoryRow): StoryCandidate {
  return { id: r.id, title: r.title, firstSeen: r.first_seen, lastSeen: r.last_seen, signature: JSON.parse(r.signature) as StorySignature };
}

export type StoriesRepo = ReturnType<typeof createStoriesRepo>;

// A story stays a candidate while copies keep arriving, so last_seen follows its newest article.
const TOUCH = `
  UPDATE stories SET last_seen = CASE WHEN d.dated_at > last_seen THEN d.dated_at ELSE last_seen END
  FROM (SELECT dated_at FROM articles WHERE id = ?) AS d
  WHERE id = ?`;
const MEMBERS = 'SELECT id, outlet, scope FROM articles WHERE story_id = ? ORDER BY dated_at, id';

/**
 * Stories: copies of one report across outlets and scripts. Membership is `articles.story_id`;
 * the similarity itself is computed by the caller, storage only keeps each story's signature.
 */
export function createStoriesRepo(db: SqlDb) {
  /** Outlets in the order they first reported the story, each once. */
  async function outletsOf(storyId: number): Promise<string[]> {
    return [...new Set((await db.all<{ outlet: string }>(MEMBERS, [storyId])).map((m) => m.outlet))];
  }

  /** The same, each with its scope and its first article in the story, for milestones. */
  async function outletScopesOf(storyId: number): Promise<Array<{ outlet: string; scope: 'domestic' | 'international'; firstArticleId: number }>> {
    const seen = new Map<string, { outlet: string; scope: 'domestic' | 'international'; firstArticleId: number }>();
    const members = await db.all<{ id: number; outlet: string; scope: 'domestic' | 'international' }>(MEMBERS, [storyId]);
    for (const m of members) if (!seen.has(m.outlet)) seen.set(m.outlet, { outlet: m.outlet, scope: m.scope, firstArticleId: m.id });
    return [...seen.values()];
  }

  return {
    /** A new story, first seen at `firstSeen`; returns its id. */
    async create(title: string, firstSeen: string, signature: StorySignature): Promise<number> {
      const at = toIso(firstSeen);
      const row = await db.get<{ id: number }>(
        'INSERT INTO stories (title, first_seen, last_seen, signature) VALUES (?, ?, ?, ?) RETURNING id',
        [title, at, at, JSON.stringify(signature)],
      );
      return Number(row!.id);
    },

    /** Makes the article a member of the story (moving it if it was in another). */
    async attach(articleId: number, storyId: number): Promise<void> {
      await db.transaction(async () => {
        const set = await db.run('UPDATE articles SET story_id = ? WHERE id = ?', [storyId, articleId]);
        if (set.changes === 0) throw new Error(`unknown article: ${articleId}`);
        await db.run(TOUCH, [articleId, storyId]);
      });
    },

    async get(id: number): Promise<Story | null> {
      const row = await db.get<StoryRow>('SELECT * FROM stories WHERE id = ?', [id]);
      if (!row) return null;
      const members = await db.all<{ id: number; outlet: string }>(MEMBERS, [id]);
      return {
        id: row.id,
        title: row.title,
        firstSeen: row.first_seen,
        articleIds: members.map((m) => m.id),
        outlets: [...new Set(members.map((m) => m.outlet))],
      };
    },

    outletsOf,
    outletScopesOf,

    /** Stories created after story `afterId` with an article dated at or after `sinceIso`. */
    async findCreatedAfter(afterId: number, sinceIso: string): Promise<StoryCandidate[]> {
      const rows = await db.all<StoryRow>('SELECT * FROM stories WHERE id > ? AND last_seen >= ? ORDER BY id', [afterId, toIso(sinceIso)]);
      return rows.map(candidateOf);
    },

    /** Stories with an article dated at or after `sinceIso`, newest first. */
    async findCandidates(sinceIso: string): Promise<StoryCandidate[]> {
      const rows = await db.all<StoryRow>('SELECT * FROM stories WHERE last_seen >= ? ORDER BY last_seen DESC, id DESC', [toIso(sinceIso)]);
      return rows.map(candidateOf);
    },
  };
}
