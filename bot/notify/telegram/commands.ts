import type { Bot, Context } from 'grammy';
import { COMMAND_NAMES, parseCommandText, runCommand, type ChatContext, type CommandDeps, type CommandName } from '../../commands/index';
import { t } from '../i18n/localize';
import type { Logger } from '../types';
import { renderTelegramHtml } from './html';
import { chatIdParam } from './telegram-notifier';

/** The commands as the Telegram client lists them: Serbian by default, English for English clients. */
export const TELEGRAM_COMMAND_LIST = {
  sr: [
    { command: 'start', description: 'Šta ovaj bot radi' },
    { command: 'latest', description: 'Najnoviji članci [broj]' },
    { command: 'coverage', description: 'Pokrivenost [dana]' },
    { command: 'why', description: 'Zašto je članak označen <link>' },
    { command: 'subscribe', description: 'Pretplata: instant|daily|weekly, jezik, teme, min=' },
    { command: 'unsubscribe', description: 'Otkaži pretplatu' },
    { command: 'feeds', description: 'Izvori; add/remove za administratore' },
  ],
  en: [
    { command: 'start', description: 'What this bot does' },
    { command: 'latest', description: 'Latest articles [n]' },
    { command: 'coverage', description: 'Coverage [days]' },
    { command: 'why', description: 'Why an article was flagged <link>' },
    { command: 'subscribe', description: 'Subscribe: instant|daily|weekly, language, topics, min=' },
    { command: 'unsubscribe', description: 'Unsubscribe' },
    { command: 'feeds', description: 'Feeds; add/remove for admins' },
  ],
};

/** Telegram's user id for "an anonymous administrator" posting as the group itself. */
const GROUP_ANONYMOUS_BOT = 1087968824;

export interface TelegramCommandOptions {
  deps: CommandDeps;
  /** TELEGRAM_CHAT_ID: its administrators may change the feed list. */
  projectChatId: string;
  logger: Logger;
  /** Waits for the chat's rate limits (shared with alert delivery) before each reply. */
  pace?: (chatId: string) => Promise<void>;
}

const isAdminStatus = (status: string) => status === 'creator' || status === 'administrator';

/** The command's chat as the shared command layer sees it, with the platform's admin checks. */
function chatContext(ctx: Context, options: TelegramCommandOptions): ChatContext {
  const chat = ctx.chat!;
  const from = ctx.from;
  const chatId = String(chat.id);
  const senderChat = ctx.msg?.sender_chat;
  // Only administrators can post in a channel; an anonymous admin posts as the group itself.
  const postsAsChat = ctx.channelPost !== undefined || (from?.id === GROUP_ANONYMOUS_BOT && senderChat?.id === chat.id);
  const memberIsAdmin = async (inChat: string, userId: number) => {
    try {
      return isAdminStatus((await ctx.api.getChatMember(chatIdParam(inChat), userId)).status);
    } catch (err) {
      options.logger.warn('telegram: could not check chat administrators', { chatId: inChat, error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  };
  // The configured chat may be named by @username; then this chat is the 'telegram' target.
  const username = 'username' in chat && chat.username ? `@${chat.username}` : null;
  const isProjectChat = chatId === options.projectChatId || (username !== null && username.toLowerCase() === options.projectChatId.toLowerCase());
  return {
    platform: 'telegram',
    chatId,
    target: isProjectChat ? 'telegram' : undefined,
    isPrivate: chat.type === 'private',
    userId: from ? String(from.id) : null,
    isAdmin: async () => chat.type === 'private' || postsAsChat || (from ? memberIsAdmin(chatId, from.id) : false),
    canManageFeeds: async () => {
      if (isProjectChat && postsAsChat) return true;
      if (!from || from.id === GROUP_ANONYMOUS_BOT) return false;
      return memberIsAdmin(options.projectChatId, from.id);
    },
  };
}

/**
 * Answers the bot commands in any chat the bot is in, through the shared command layer,
 * replying in HTML parse mode with the feed text escaped and long replies split between lines.
 */
export function registerTelegramCommands(bot: Bot, options: TelegramCommandOptions): void {
  const handle = (name: CommandName) => async (ctx: Context) => {
    const chat = chatContext(ctx, options);
    const lang = await options.deps.routing.languageFor(chat.target ?? options.deps.routing.targetForChat('telegram', chat.chatId));
    let parts: string[];
    try {
      const reply = await runCommand(parseCommandText(name, typeof ctx.match === 'string' ? ctx.match : ''), chat, options.deps);
      parts = renderTelegramHtml(reply.doc);
    } catch (err) {
      options.logger.error('telegram: command failed', { command: name, error: err instanceof Error ? err.message : String(err) });
      parts = [t(lang, 'error.generic')];
    }
    for (const part of parts) {
      await options.pace?.(chat.chatId);
      try {
        await ctx.reply(part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      } catch (err) {
        options.logger.warn('telegram: could not reply to a command', { command: name, error: err instanceof Error ? err.message : String(err) });
        return;
      }
    }
  };
  for (const name of COMMAND_NAMES) bot.command(name, handle(name));
  bot.catch((err) => {
    options.logger.error('telegram: update failed', { error: err.error instanceof Error ? err.error.message : String(err.error) });
  });
}
