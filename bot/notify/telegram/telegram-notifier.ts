import type { Api } from 'grammy';
import { alertView, firstMessageView } from '../format/alert-view';
import { digestDoc } from '../format/digest-doc';
import { milestoneDoc } from '../format/milestone-doc';
import type { Doc } from '../format/rich';
import { summaryDoc } from '../format/summary-doc';
import type { AlertMessage, AlertSummary, DigestMessage, Notifier, RateWindow, SendOptions, SendResult } from '../types';
import { alertHtml } from './alert-html';
import { isNotModified, isUneditable, telegramError } from './errors';
import { lineHtml, renderTelegramHtml } from './html';

export interface TelegramNotifierOptions {
  /** The outbox target, e.g. 'telegram' or 'telegram:<chatId>'. */
  name: string;
  /** A grammY Api (bot.api), pointed at TELEGRAM_API_ROOT. */
  api: Api;
  /** Numeric id (negative for groups and channels) or @channelname. */
  chatId: string;
}

/** Groups, supergroups and channels have negative ids (or are named by @username). */
export const isGroupChat = (chatId: string): boolean => chatId.startsWith('-') || chatId.startsWith('@');

/** Bot API limits: 1 message per second per chat, 20 per minute per group, 30 per second overall. */
export function telegramLimits(chatId: string): RateWindow[] {
  const key = `telegram:chat:${chatId}`;
  const windows: RateWindow[] = [{ key, limit: 1, windowMs: 1_000 }];
  if (isGroupChat(chatId)) windows.push({ key: `${key}:minute`, limit: 20, windowMs: 60_000 });
  windows.push({ key: 'telegram:bot', limit: 30, windowMs: 1_000 });
  return windows;
}

/** The Bot API takes numeric chat ids as numbers. */
export const chatIdParam = (chatId: string): number | string => (/^-?\d+$/.test(chatId) ? Number(chatId) : chatId);

/**
 * Posts alerts to a Telegram chat in HTML parse mode, feed text escaped, each message within
 * 4096 characters (an alert is trimmed to stay one message; summaries and digests are split
 * between lines). A follow-up edits the story's first message to list the other outlets, and
 * when the story reaches a milestone a short reply to that message says so.
 * The Bot API has no idempotency key, so this target is not idempotent: the worker records
 * before and after each send (see README, "crash window").
 */
export function createTelegramNotifier(options: TelegramNotifierOptions): Notifier {
  const { api } = options;
  const chat = chatIdParam(options.chatId);
  const noPace = async () => {};
  const sendOptions = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };

  /** Sends one HTML message; `replyTo` makes it a reply (sent anyway if that message is gone). */
  async function sendHtml(html: string, pace: () => Promise<void>, replyTo?: number): Promise<string> {
    await pace();
    try {
      const options = replyTo === undefined ? sendOptions : { ...sendOptions, reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } };
      const msg = await api.sendMessage(chat, html, options);
      return String(msg.message_id);
    } catch (err) {
      throw telegramError(err);
    }
  }

  async function sendDoc(doc: Doc, pace: () => Promise<void>): Promise<SendResult> {
    let first: string | null = null;
    for (const part of renderTelegramHtml(doc)) {
      const id = await sendHtml(part, pace);
      first ??= id;
    }
    return { remoteId: first };
  }

  return {
    name: options.name,
    limits: telegramLimits(options.chatId),
    idempotent: false,

    async send(message: AlertMessage, opts: SendOptions = {}): Promise<SendResult> {
      const pace = opts.pace ?? noPace;
      const firstView = firstMessageView(message);
      const firstId = message.story.firstRemoteId;
      if (firstView && firstId && /^\d+$/.test(firstId)) {
        await pace();
        let edited = false;
        try {
          await api.editMessageText(chat, Number(firstId), alertHtml(firstView), sendOptions);
          edited = true;
        } catch (err) {
          if (isNotModified(err)) edited = true;
          else if (!isUneditable(err)) throw telegramError(err);
        }
        if (edited) {
          const reply = milestoneDoc(message);
          if (reply) await sendHtml(reply.map(lineHtml).join('\n'), pace, Number(firstId));
          return { remoteId: firstId };
        }
      }
      return { remoteId: await sendHtml(alertHtml(alertView(message)), pace) };
    },

    sendSummary(summary: AlertSummary, opts: SendOptions = {}) {
      return sendDoc(summaryDoc(summary), opts.pace ?? noPace);
    },

    sendDigest(digest: DigestMessage, opts: SendOptions = {}) {
      return sendDoc(digestDoc(digest), opts.pace ?? noPace);
    },
  };
}
