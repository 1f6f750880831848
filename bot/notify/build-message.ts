import type { OutboxAlert, Storage, StoredArticle } from '../storage/index';
import { leadOf } from './format/lead';
import { DEFAULT_MILESTONE_OUTLETS, storyMilestones } from './milestones';
import { notifyRepos } from './repos';
import type { AlertArticle, AlertLanguage, AlertMessage } from './types';

function articleOf(a: StoredArticle): AlertArticle {
  return {
    id: a.id,
    title: a.title,
    url: a.url ?? a.canonicalUrl,
    outlet: a.outlet,
    scope: a.scope,
    published: a.published,
    lead: leadOf(a.title, a.text),
  };
}

/**
 * The message for one outbox row, read from storage at send time so a follow-up sees the
 * story's outlets and its first message as they are now, and the milestones this article
 * brought the story to (with `milestoneOutlets`, the destination's setting). Null when the
 * article is gone.
 */
export function buildAlertMessage(
  storage: Storage,
  row: OutboxAlert,
  language: AlertLanguage,
  options: { milestoneOutlets?: number } = {},
): AlertMessage | null {
  const article = storage.articles.get(row.articleId);
  if (!article) return null;
  const storyId = row.storyId ?? article.storyId;
  const outlets = storyId === null ? [article.outlet] : storage.stories.outletsOf(storyId);
  if (!outlets.includes(article.outlet)) outlets.push(article.outlet);

  let firstRemoteId: string | null = null;
  let first: AlertMessage['story']['first'] = null;
  if (row.kind === 'follow-up' && storyId !== null) {
    const announced = notifyRepos(storage).deliveries.firstAlertOfStory(storyId, row.target);
    // A first alert folded into a burst summary has no message of its own to edit.
    if (announced && announced.alertId !== row.id && announced.status === 'sent' && announced.remoteId && !announced.folded) {
      const firstArticle = storage.articles.get(announced.articleId);
      if (firstArticle) {
        firstRemoteId = announced.remoteId;
        first = { article: articleOf(firstArticle), classification: firstArticle.classification };
      }
    }
  }

  const milestones =
    row.kind === 'follow-up' && storyId !== null
      ? storyMilestones(storage.stories.outletScopesOf(storyId), article.id, options.milestoneOutlets ?? DEFAULT_MILESTONE_OUTLETS)
      : [];

  return {
    alertId: row.id,
    kind: row.kind,
    language,
    article: articleOf(article),
    classification: article.classification,
    story: { id: storyId, outlets, firstRemoteId, first },
    milestones,
  };
}
