import { describe, expect, it } from 'vitest';
import { StoryIndex, STORY_WINDOW_HOURS } from './story-index';

const sig = (n: number) => Array.from({ length: 8 }, (_, i) => n * 100 + i);

describe('StoryIndex eviction', () => {
  it('drops stories older than the window when it sweeps', () => {
    const now = Date.parse('2026-01-10T00:00:00Z');
    const index = new StoryIndex();
    index.add(1, sig(1), now - (STORY_WINDOW_HOURS + 1) * 3600_000);
    index.add(2, sig(2), now);
    index.evict(now);
    expect(index.size).toBe(1);
    expect(index.find(sig(1), now)).toBeNull();
    expect(index.find(sig(2), now)).toBe(2);
  });

  it('stays under its size cap, least recently seen first out', () => {
    const now = Date.parse('2026-01-10T00:00:00Z');
    const index = new StoryIndex([], 100);
    for (let n = 1; n <= 1000; n++) index.add(n, sig(n), now - (1000 - n) * 1000);
    expect(index.size).toBeLessThanOrEqual(100);
    expect(index.find(sig(1000), now)).toBe(1000);
    expect(index.find(sig(1), now)).toBeNull();
  });

  it('a date in the future does not evict the rest', () => {
    const now = Date.now();
    const index = new StoryIndex();
    index.add(1, sig(1), now);
    index.add(2, sig(2), now + 10 * 365 * 24 * 3600_000);
    index.evict(Math.min(now + 10 * 365 * 24 * 3600_000, Date.now()));
    expect(index.size).toBe(2);
  });
});
