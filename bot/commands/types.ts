import type { Scope, Topic } from '../../shared/model/types';
import type { AlertLanguage } from '../notify/i18n/language';
import type { Doc } from '../notify/format/rich';
import type { AlertRouting } from '../notify/routing';
import type { Storage } from '../storage/index';
import type { ChatPlatform } from '../storage/subscriptions';
import type { LookupAll } from './feed-url-guard';

/** A command with its arguments, parsed from Telegram text or Discord options. */
export type CommandInput =
  | { name: 'start' }
  | { name: 'help' }
  | { name: 'latest'; n?: number }
  | { name: 'coverage'; days?: number }
  | { name: 'why'; url?: string }
  | {
      name: 'subscribe';
      mode?: 'instant' | 'daily' | 'weekly';
      language?: AlertLanguage;
      /** null: back to the default threshold. */
      minScore?: number | null;
      /** A milestone reply at this many outlets; 0: none; null: back to the default. */
      milestoneOutlets?: number | null;
      /** Empty: every topic. */
      topics?: Topic[];
      /** Arguments that meant nothing; the reply names them. */
      unknown?: string[];
    }
  | { name: 'unsubscribe' }
  | { name: 'feeds'; action: 'list' }
  | { name: 'feeds'; action: 'add'; url?: string; scope?: Scope; outlet?: string }
  | { name: 'feeds'; action: 'remove'; url?: string };

export type CommandName = CommandInput['name'];

/** Where a command was issued, and who may do what there. Built by each platform's adapter. */
export interface ChatContext {
  platform: ChatPlatform;
  chatId: string;
  /** A one-to-one chat with the bot: the person there administers it. */
  isPrivate: boolean;
  /** Who issued the command (for the audit trail of feed changes). */
  userId: string | null;
  /**
   * The outbox target this chat is, when the adapter knows better than the id alone: the
   * configured channel named by @username, or the channel a Discord webhook posts to. Default:
   * routing.targetForChat(platform, chatId).
   */
  target?: string;
  /** May change this chat's subscription (private chat, or a chat administrator). */
  isAdmin(): Promise<boolean>;
  /**
   * May change the feed list, which every destination shares: an administrator of the
   * project's own configured chat (Telegram), or Manage Server in its guild (Discord).
   */
  canManageFeeds(): Promise<boolean>;
}

/** What commands need from the running bot. */
export interface CommandDeps {
  storage: Storage;
  routing: AlertRouting;
  now?: () => Date;
  /** DNS for the feed URL guard; tests pass a stub. */
  lookup?: LookupAll;
  /** For dates in replies. Default Europe/Belgrade. */
  timeZone?: string;
}

/** A reply, in the chat's language, for the adapter to render. */
export interface Reply {
  doc: Doc;
  /** Discord: visible only to the person who asked (errors, refusals). */
  ephemeral?: boolean;
}
