import { describe, expect, it } from 'vitest';
import { article, tempStorage } from './testdata/temp-storage';

describe('stories', () => {
  it('creates a story, attaches articles and lists outlets in order of first report', async () => {
    const { storage } = await tempStorage();
    const a1 = (await storage.articles.insert(article(1, { outlet: 'N1', published: '2025-03-01T08:00:00Z' })))!;
    const a2 = (await storage.articles.insert(article(2, { outlet: 'Danas', published: '2025-03-01T09:00:00Z' })))!;
    const a3 = (await storage.articles.insert(article(3, { outlet: 'N1', published: '2025-03-01T10:00:00Z' })))!;
    const story = await storage.stories.create('Kamere na Novom Beogradu', '2025-03-01T08:00:00Z', [11, 22, 33]);
    for (const id of [a3, a2, a1]) await storage.stories.attach(id, story);

    expect(await storage.stories.outletsOf(story)).toEqual(['N1', 'Danas']);
    expect(await storage.stories.get(story)).toEqual({
      id: story,
      title: 'Kamere na Novom Beogradu',
      firstSeen: '2025-03-01T08:00:00.000Z',
      articleIds: [a1, a2, a3],
      outlets: ['N1', 'Danas'],
    });
    expect((await storage.articles.get(a2))!.storyId).toBe(story);
    expect(await storage.stories.get(story + 1)).toBeNull();
  });

  it('offers recent stories as candidates with their signature', async () => {
    const { storage } = await tempStorage();
    const old = await storage.stories.create('Stara priča', '2025-01-01T00:00:00Z', [1]);
    const recent = await storage.stories.create('Nova priča', '2025-03-01T00:00:00Z', [2, 3]);
    expect(await storage.stories.findCandidates('2025-02-01T00:00:00Z')).toEqual([
      { id: recent, title: 'Nova priča', firstSeen: '2025-03-01T00:00:00.000Z', lastSeen: '2025-03-01T00:00:00.000Z', signature: [2, 3] },
    ]);

    // A fresh copy keeps an old story alive as a candidate.
    const a = (await storage.articles.insert(article(1, { published: '2025-03-05T00:00:00Z' })))!;
    await storage.stories.attach(a, old);
    expect((await storage.stories.findCandidates('2025-02-01T00:00:00Z')).map((s) => s.id)).toEqual([old, recent]);
  });

  it('refuses to attach unknown articles or stories', async () => {
    const { storage } = await tempStorage();
    const story = await storage.stories.create('x', '2025-03-01T00:00:00Z', []);
    await expect((async () => await storage.stories.attach(42, story))()).rejects.toThrow(/unknown article/);
    const a = (await storage.articles.insert(article(1)))!;
    await expect((async () => await storage.stories.attach(a, story + 1))()).rejects.toThrow(/foreign key/i);
  });
});
