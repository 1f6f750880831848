import type { Milestone } from './types';

/** A story reaching this many outlets gets a short reply, unless the subscription says otherwise. */
export const DEFAULT_MILESTONE_OUTLETS = 5;

export interface StoryOutlet {
  outlet: string;
  scope: 'domestic' | 'international';
  /** The outlet's first article in the story. */
  firstArticleId: number;
}

/**
 * The milestones a story reached with `articleId`: only an outlet's first article in the story
 * can reach one, so a second article of the same outlet (or a retry) announces nothing new.
 * - first international outlet: this outlet is international and every outlet before it domestic;
 * - N outlets: this outlet is the story's N-th (N from the subscription; 0 turns it off).
 * `outlets` are in the order they first reported the story, the first one first.
 */
export function storyMilestones(outlets: readonly StoryOutlet[], articleId: number, nOutlets: number): Milestone[] {
  const i = outlets.findIndex((o) => o.firstArticleId === articleId);
  // The story's own first outlet is the alert itself, not a follow-up.
  if (i <= 0) return [];
  const out: Milestone[] = [];
  const own = outlets[i];
  if (own.scope === 'international' && outlets.slice(0, i).every((o) => o.scope === 'domestic')) {
    out.push({ kind: 'first-international', outlet: own.outlet });
  }
  if (nOutlets > 1 && i + 1 === nOutlets) out.push({ kind: 'outlets', n: nOutlets, outlets: outlets.slice(0, i + 1).map((o) => o.outlet) });
  return out;
}
