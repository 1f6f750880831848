import type { Storage } from '../../storage/index';
import { article, classification } from '../../storage/testdata/fixtures';
import type { Classification } from '../../../shared/model/types';

export const T0 = '2025-03-10T10:00:00.000Z';

/**
 * Stores an article and queues its alert for each target in one transaction, as the processor
 * does. Returns the alert ids by target.
 */
export function seedAlert(
  storage: Storage,
  n: number,
  targets: string[],
  options: { storyId?: number | null; kind?: 'new' | 'follow-up'; outlet?: string; scope?: 'domestic' | 'international'; at?: string; classification?: Partial<Classification> } = {},
): Record<string, number> {
  return storage.transaction(() => {
    const storyId = options.storyId ?? null;
    const articleId = storage.articles.insert(
      article(n, { storyId, outlet: options.outlet ?? 'Example', scope: options.scope ?? 'domestic', classification: classification(options.classification) }),
    )!;
    const ids: Record<string, number> = {};
    for (const target of targets) {
      ids[target] = storage.alerts.enqueue({ articleId, storyId, kind: options.kind ?? 'new', target, at: options.at ?? T0 })!;
    }
    return ids;
  });
}
