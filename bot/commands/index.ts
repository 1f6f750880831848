import { t } from '../notify/i18n/localize';
import { coverageDoc } from './coverage';
import { feedsAddDoc, feedsListDoc, feedsRemoveDoc } from './feeds';
import { latestDoc } from './latest';
import { welcomeDoc } from './start';
import { subscribeDoc, unsubscribeDoc } from './subscribe';
import type { ChatContext, CommandDeps, CommandInput, Reply } from './types';
import { targetOf } from './subscribe';
import { whyDoc } from './why';

export type { ChatContext, CommandDeps, CommandInput, CommandName, Reply } from './types';
export { COMMAND_NAMES, parseCommandText, parseSubscribeArgs } from './parse';
export { checkFeedUrl, isPublicAddress, systemLookup, type LookupAll } from './feed-url-guard';
export { coverageCounts, topOutlets, topStories, topicCounts, type CoverageFilter } from './stats';

/**
 * Runs one command for a chat and returns the reply in the chat's language. Shared by the
 * Discord and Telegram adapters; all platform detail (who is an admin, how replies look) stays
 * in them. Permission checks happen here, so both platforms enforce the same rules:
 * subscription changes and the feed list in a group need a chat administrator, feed changes
 * (and the feed addresses in a private chat) need an administrator of the project's own chat.
 */
export async function runCommand(input: CommandInput, chat: ChatContext, deps: CommandDeps): Promise<Reply> {
  const { storage, routing } = deps;
  const now = deps.now?.() ?? new Date();
  const lang = routing.languageFor(targetOf(routing, chat));
  const refuse = (): Reply => ({ doc: [[t(lang, 'admin.only')]], ephemeral: true });
  const changedBy = `${chat.platform}:${chat.chatId}:${chat.userId ?? '?'}`;

  switch (input.name) {
    case 'start':
    case 'help':
      return { doc: welcomeDoc(lang) };
    case 'latest':
      return { doc: latestDoc(storage, lang, input.n, deps.timeZone) };
    case 'coverage':
      return { doc: coverageDoc(storage, lang, now, input.days) };
    case 'why':
      return { doc: whyDoc(storage, lang, input.url) };
    case 'subscribe':
      if (!chat.isPrivate && !(await chat.isAdmin())) return refuse();
      return { doc: subscribeDoc(storage, routing, chat, input, now) };
    case 'unsubscribe':
      if (!chat.isPrivate && !(await chat.isAdmin())) return refuse();
      return { doc: unsubscribeDoc(storage, routing, chat, now) };
    case 'feeds':
      if (input.action === 'list') {
        // In a group or channel, only its administrators get the list (with the addresses),
        // and on Discord only they see the reply. In a private chat, anyone who messages the
        // bot gets the outlet names; the addresses only an administrator of the project's chat.
        if (!chat.isPrivate) {
          if (!(await chat.isAdmin())) return refuse();
          return { doc: feedsListDoc(storage, lang, { urls: true }), ephemeral: true };
        }
        return { doc: feedsListDoc(storage, lang, { urls: await chat.canManageFeeds() }) };
      }
      if (!(await chat.canManageFeeds())) return refuse();
      if (input.action === 'add') return { doc: await feedsAddDoc(storage, lang, input, changedBy, now, deps.lookup) };
      return { doc: feedsRemoveDoc(storage, lang, input.url, changedBy, now) };
  }
}
