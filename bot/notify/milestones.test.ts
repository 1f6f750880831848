import { describe, expect, it } from 'vitest';
import { tempStorage } from '../storage/testdata/temp-storage';
import { buildAlertMessage } from './build-message';
import { storyMilestones, type StoryOutlet } from './milestones';
import { seedAlert, T0 } from './testdata/seed';

const o = (outlet: string, firstArticleId: number, scope: StoryOutlet['scope'] = 'domestic'): StoryOutlet => ({ outlet, scope, firstArticleId });

describe('story milestones', () => {
  const story = [o('RTS', 1), o('N1', 2), o('BBC', 3, 'international'), o('Danas', 4), o('Reuters', 6, 'international')];

  it('finds the first international outlet, once', () => {
    expect(storyMilestones(story, 3, 0)).toEqual([{ kind: 'first-international', outlet: 'BBC' }]);
    expect(storyMilestones(story, 6, 0)).toEqual([]);
  });

  it('finds the N-th outlet, with the outlets so far', () => {
    expect(storyMilestones(story, 4, 4)).toEqual([{ kind: 'outlets', n: 4, outlets: ['RTS', 'N1', 'BBC', 'Danas'] }]);
    expect(storyMilestones(story, 3, 3)).toEqual([
      { kind: 'first-international', outlet: 'BBC' },
      { kind: 'outlets', n: 3, outlets: ['RTS', 'N1', 'BBC'] },
    ]);
    // 0 turns the count off; the story's first article and an outlet's second article reach nothing.
    expect(storyMilestones(story, 4, 0)).toEqual([]);
    expect(storyMilestones(story, 1, 1)).toEqual([]);
    expect(storyMilestones(story, 5, 4)).toEqual([]);
  });

  it('is not reached when the story began abroad', () => {
    expect(storyMilestones([o('BBC', 1, 'international'), o('Reuters', 2, 'international')], 2, 0)).toEqual([]);
  });

  it('reads the story from storage when the worker builds a follow-up', () => {
    const { storage } = tempStorage();
    const storyId = storage.stories.create('Priča', T0, [1]);
    seedAlert(storage, 1, ['discord'], { storyId, outlet: 'RTS' });
    seedAlert(storage, 2, ['discord'], { storyId, outlet: 'N1', kind: 'follow-up' });
    const bbc = seedAlert(storage, 3, ['discord'], { storyId, outlet: 'BBC', scope: 'international', kind: 'follow-up' });
    const message = buildAlertMessage(storage, storage.alerts.get(bbc.discord)!, 'en', { milestoneOutlets: 3 });
    expect(message?.milestones).toEqual([
      { kind: 'first-international', outlet: 'BBC' },
      { kind: 'outlets', n: 3, outlets: ['RTS', 'N1', 'BBC'] },
    ]);
    // The default count (5) is not reached by the third outlet.
    expect(buildAlertMessage(storage, storage.alerts.get(bbc.discord)!, 'en')?.milestones).toEqual([{ kind: 'first-international', outlet: 'BBC' }]);
  });
});
