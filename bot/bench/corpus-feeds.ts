import type { LabelledItem } from '../training/dataset';
import type { FakeItem } from '../../test/fakes/feed-server';

/**
 * The items of generated feed number `feed` for the benches: corpus items in turn, made unique
 * per feed and item (guid, a title suffix, a link), dated by `publishedAt(item index)`.
 */
export function corpusFeedItems(corpus: readonly LabelledItem[], feed: number, itemsPerFeed: number, publishedAt: (item: number) => number): FakeItem[] {
  const items: FakeItem[] = [];
  for (let i = 0; i < itemsPerFeed; i++) {
    const c = corpus[(feed * itemsPerFeed + i) % corpus.length];
    items.push({
      guid: `f${feed}-i${i}`,
      title: `${c.title} (${feed}/${i})`,
      description: c.text,
      link: `http://127.0.0.1/outlet-${feed}/article-${i}`,
      published: new Date(publishedAt(i)).toISOString(),
    });
  }
  return items;
}
