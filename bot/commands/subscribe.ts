import { TOPICS } from '../../shared/model/types';
import type { Doc } from '../notify/format/rich';
import type { AlertLanguage } from '../notify/i18n/language';
import { formatScore, t, topicLabel } from '../notify/i18n/localize';
import type { AlertRouting } from '../notify/routing';
import { notifyRepos } from '../notify/repos';
import type { Storage } from '../storage/index';
import { DEFAULT_MILESTONE_OUTLETS } from '../notify/milestones';
import type { Subscription } from '../storage/subscriptions';
import type { ChatContext, CommandInput } from './types';

type SubscribeInput = Extract<CommandInput, { name: 'subscribe' }>;

function settingsDoc(s: Subscription): Doc {
  const lang = s.language;
  const milestones = s.milestoneOutlets ?? DEFAULT_MILESTONE_OUTLETS;
  return [
    [{ text: t(lang, 'subscribe.saved'), bold: true }],
    [t(lang, 'subscribe.mode', { mode: t(lang, `mode.${s.mode}`) })],
    [t(lang, 'subscribe.topics', { topics: s.topics.length ? s.topics.map((x) => topicLabel(lang, x)).join(', ') : t(lang, 'topics.all') })],
    [t(lang, 'subscribe.language', { language: t(lang, `language.${s.language}`) })],
    [t(lang, 'subscribe.minScore', { score: s.minScore === null ? t(lang, 'score.default') : formatScore(lang, s.minScore) })],
    [milestones === 0 ? t(lang, 'subscribe.milestoneOff') : t(lang, 'subscribe.milestone', { n: milestones })],
  ];
}

/** The outbox target a chat's commands act on. */
export function targetOf(routing: AlertRouting, chat: ChatContext): string {
  return chat.target ?? routing.targetForChat(chat.platform, chat.chatId);
}

/** The usage line and the topic names users can give. */
export function subscribeUsage(lang: AlertLanguage): Doc {
  return [[t(lang, 'subscribe.usage')], [t(lang, 'subscribe.topicList', { topics: TOPICS.join(', ') })]];
}

/**
 * /subscribe: creates or changes this chat's subscription. Settings not given keep their
 * current values (or the defaults), so "/subscribe weekly" changes only the mode.
 */
export function subscribeDoc(storage: Storage, routing: AlertRouting, chat: ChatContext, input: SubscribeInput, now: Date): Doc {
  const target = targetOf(routing, chat);
  const current = routing.subscriptionFor(target);
  const lang = routing.languageFor(target);
  if (input.unknown?.length) return [[t(lang, 'subscribe.badArg', { arg: input.unknown.join(' ') })], ...subscribeUsage(lang)];
  const saved = notifyRepos(storage).subscriptions.upsert(
    {
      target,
      platform: chat.platform,
      chatId: chat.chatId,
      mode: input.mode ?? (current && current.mode !== 'off' ? current.mode : 'instant'),
      language: input.language ?? lang,
      topics: input.topics ?? current?.topics ?? [],
      minScore: input.minScore !== undefined ? input.minScore : (current?.minScore ?? null),
      milestoneOutlets: input.milestoneOutlets !== undefined ? input.milestoneOutlets : (current?.milestoneOutlets ?? null),
    },
    now.toISOString(),
  );
  return settingsDoc(saved);
}

/** /unsubscribe: no more alerts or digests here; the row stays with the chat's language. */
export function unsubscribeDoc(storage: Storage, routing: AlertRouting, chat: ChatContext, now: Date): Doc {
  const target = targetOf(routing, chat);
  const current = routing.subscriptionFor(target);
  const lang = routing.languageFor(target);
  if (!current || current.mode === 'off') return [[t(lang, 'unsubscribe.none')]];
  notifyRepos(storage).subscriptions.upsert({ ...current, target, mode: 'off' }, now.toISOString());
  return [[t(lang, 'unsubscribe.done')]];
}
