import type { StoriesRepo, StoryCandidate } from '../storage';
import { similarity } from './story-signature';

/** Two items whose signatures are at least this similar are copies of one story. */
export const SAME_STORY = 0.5;
/**
 * A story whose newest copy is more than OTHER_DAY_HOURS from an item takes it only when
 * nearly identical: copies of one report appear within hours, while the same kind of routine
 * statement (a police report, a daily bulletin) comes back on other days with other facts.
 */
export const OTHER_DAY_HOURS = 20;
export const OTHER_DAY_SAME_STORY = 0.85;
/** Stories older than this (by their newest copy) are not joined any more. */
export const STORY_WINDOW_HOURS = 72;
/** Stories the index holds at most; past it the least recently seen go first. */
export const MAX_INDEXED_STORIES = 20_000;

/**
 * An in-memory inverted index over the signatures of recent stories, so grouping an item
 * costs a few look-ups instead of a comparison with every story (a first cycle can bring
 * tens of thousands of items). Loaded from storage on start; stories added by this process
 * are indexed as they are created.
 */
function windowStart(now: Date): string {
  return new Date(now.getTime() - STORY_WINDOW_HOURS * 3600_000).toISOString();
}

export class StoryIndex {
  private readonly byHash = new Map<number, Set<number>>();
  private readonly signatures = new Map<number, { signature: number[]; lastSeen: number }>();

  /** The highest story id indexed, so `refresh` asks only for newer ones. */
  private maxId = 0;
  private addsSinceSweep = 0;

  constructor(candidates: readonly StoryCandidate[] = [], private readonly maxStories = MAX_INDEXED_STORIES) {
    for (const s of candidates) this.add(s.id, s.signature, Date.parse(s.lastSeen));
  }

  /** The index of the stories seen in the last STORY_WINDOW_HOURS before `now`. */
  static async load(stories: StoriesRepo, now: Date, maxStories = MAX_INDEXED_STORIES): Promise<StoryIndex> {
    return new StoryIndex(await stories.findCandidates(windowStart(now)), maxStories);
  }

  /**
   * Adds the stories other processes created since this index last looked (several instances
   * on one PostgreSQL). Called under the story-grouping lock, so what it reads is complete.
   */
  async refresh(stories: StoriesRepo, now: Date): Promise<void> {
    for (const s of await stories.findCreatedAfter(this.maxId, windowStart(now))) {
      if (!this.signatures.has(s.id)) this.add(s.id, s.signature, Date.parse(s.lastSeen));
    }
  }

  get size(): number {
    return this.signatures.size;
  }

  add(storyId: number, signature: number[], seenAt: number): void {
    if (storyId > this.maxId) this.maxId = storyId;
    this.signatures.set(storyId, { signature, lastSeen: seenAt });
    for (const h of signature) {
      let set = this.byHash.get(h);
      if (!set) this.byHash.set(h, (set = new Set()));
      set.add(storyId);
    }
    // Evict now and then (not on every add, to keep adding cheap), and always past the cap.
    // A date from a feed may lie in the future: it must not evict everything.
    if (++this.addsSinceSweep >= 1000 || this.signatures.size > this.maxStories) this.evict(Math.min(seenAt, Date.now()));
  }

  /** Drops stories last seen before the window (relative to `now`), then the oldest past the cap. */
  evict(now: number): void {
    this.addsSinceSweep = 0;
    const oldest = now - STORY_WINDOW_HOURS * 3600_000;
    const drop = (id: number): void => {
      const s = this.signatures.get(id);
      if (!s) return;
      this.signatures.delete(id);
      for (const h of s.signature) {
        const set = this.byHash.get(h);
        set?.delete(id);
        if (set?.size === 0) this.byHash.delete(h);
      }
    };
    for (const [id, s] of this.signatures) if (s.lastSeen < oldest) drop(id);
    if (this.signatures.size > this.maxStories) {
      // Down to 90% of the cap, so the sort is paid once per many adds.
      const byAge = [...this.signatures].sort((a, b) => a[1].lastSeen - b[1].lastSeen);
      for (const [id] of byAge.slice(0, this.signatures.size - Math.floor(this.maxStories * 0.9))) drop(id);
    }
  }

  touch(storyId: number, seenAt: number): void {
    const s = this.signatures.get(storyId);
    if (s && seenAt > s.lastSeen) s.lastSeen = seenAt;
  }

  /** The most similar recent story at or above SAME_STORY, or null. */
  find(signature: number[], at: number): number | null {
    const shared = new Map<number, number>();
    for (const h of signature) {
      for (const id of this.byHash.get(h) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    let best: number | null = null;
    let bestScore = SAME_STORY;
    const oldest = at - STORY_WINDOW_HOURS * 3600_000;
    for (const [id, count] of shared) {
      // Cheap bound first: too few shared hashes cannot reach the threshold.
      if (count < signature.length * SAME_STORY * 0.5) continue;
      const s = this.signatures.get(id)!;
      if (s.lastSeen < oldest) continue;
      const score = similarity(signature, s.signature);
      if (Math.abs(at - s.lastSeen) > OTHER_DAY_HOURS * 3600_000 && score < OTHER_DAY_SAME_STORY) continue;
      if (score >= bestScore) {
        best = id;
        bestScore = score;
      }
    }
    return best;
  }
}
