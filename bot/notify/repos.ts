import { createChatFeedsRepo, type ChatFeedsRepo } from '../storage/chat-feeds';
import { createDeliveriesRepo, type DeliveriesRepo } from '../storage/deliveries';
import type { Storage } from '../storage/index';
import { createSubscriptionsRepo, type SubscriptionsRepo } from '../storage/subscriptions';

/** The repositories the notify layer added to storage (migration 3). */
export interface NotifyRepos {
  subscriptions: SubscriptionsRepo;
  deliveries: DeliveriesRepo;
  chatFeeds: ChatFeedsRepo;
}

const cache = new WeakMap<Storage, NotifyRepos>();

/**
 * The notify repositories for an open storage, made once per connection (they prepare their
 * statements up front). Kept here rather than on Storage so storage/index.ts stays untouched
 * by this layer.
 */
export function notifyRepos(storage: Storage): NotifyRepos {
  let repos = cache.get(storage);
  if (!repos) {
    repos = {
      subscriptions: createSubscriptionsRepo(storage.db),
      deliveries: createDeliveriesRepo(storage.db),
      chatFeeds: createChatFeedsRepo(storage.db),
    };
    cache.set(storage, repos);
  }
  return repos;
}
