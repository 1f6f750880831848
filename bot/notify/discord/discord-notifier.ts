import { Routes, type APIEmbed, type APIMessage, type REST } from 'discord.js';
import { alertView, firstMessageView } from '../format/alert-view';
import { digestDoc } from '../format/digest-doc';
import { milestoneDoc } from '../format/milestone-doc';
import type { Doc } from '../format/rich';
import { summaryDoc } from '../format/summary-doc';
import { t } from '../i18n/localize';
import type { AlertMessage, AlertSummary, DigestMessage, Notifier, RateWindow, SendOptions, SendResult } from '../types';
import { alertEmbed } from './embed';
import { lineMarkdown, renderDiscordMarkdown } from './markdown';
import { discordError } from './rest';

/** Where a Discord notifier posts: a channel webhook, or a channel through the bot. */
export type DiscordDestination = { kind: 'webhook'; id: string; token: string } | { kind: 'channel'; channelId: string };

export interface DiscordNotifierOptions {
  /** The outbox target, e.g. 'discord' or 'discord:<channelId>'. */
  name: string;
  /** From createDiscordRest; with the bot token for a channel destination. */
  rest: REST;
  destination: DiscordDestination;
}

/** Embed size for documents, and the total per message (Discord allows 4096 and 6000). */
const DOC_CHUNK = 2900;
const DOC_MESSAGE = 5900;
const DOC_COLOUR = 0x5c6770;

/** No @everyone, @here, role or user pings, whatever the text says. */
const NO_MENTIONS = { parse: [] as never[] };

/**
 * Discord's limits: 5 messages per 5 s per channel (the figure; webhooks also have 30
 * per minute per channel), and 50 requests per second for a bot overall.
 */
export function discordLimits(destination: DiscordDestination): RateWindow[] {
  if (destination.kind === 'webhook') {
    const key = `discord:webhook:${destination.id}`;
    return [
      { key, limit: 5, windowMs: 5_000 },
      { key: `${key}:minute`, limit: 30, windowMs: 60_000 },
    ];
  }
  return [
    { key: `discord:channel:${destination.channelId}`, limit: 5, windowMs: 5_000 },
    { key: 'discord:bot', limit: 50, windowMs: 1_000 },
  ];
}

/**
 * Posts alerts to Discord over REST only (never the gateway), as embeds with mentions
 * disabled and feed text escaped. A bot destination sends each message with a nonce and
 * `enforce_nonce`, so a resend after a crash returns the message already posted instead of a
 * second one; webhooks cannot (Discord does not take a nonce there). A follow-up edits the
 * story's first message to list the other outlets, and when the story reaches a milestone
 * (its first international outlet, N outlets) a short reply says so.
 */
export function createDiscordNotifier(options: DiscordNotifierOptions): Notifier {
  const { rest, destination } = options;
  const noPace = async () => {};

  async function post(body: Record<string, unknown>, nonce: string | undefined, pace: () => Promise<void>): Promise<APIMessage> {
    await pace();
    try {
      if (destination.kind === 'webhook') {
        return (await rest.post(Routes.webhook(destination.id, destination.token), {
          body,
          query: new URLSearchParams({ wait: 'true' }),
          auth: false,
        })) as APIMessage;
      }
      const withNonce = nonce ? { ...body, nonce, enforce_nonce: true } : body;
      return (await rest.post(Routes.channelMessages(destination.channelId), { body: withNonce })) as APIMessage;
    } catch (err) {
      throw discordError(err);
    }
  }

  async function edit(messageId: string, body: Record<string, unknown>, pace: () => Promise<void>): Promise<void> {
    await pace();
    try {
      if (destination.kind === 'webhook') {
        await rest.patch(Routes.webhookMessage(destination.id, destination.token, messageId), { body, auth: false });
      } else {
        await rest.patch(Routes.channelMessage(destination.channelId, messageId), { body });
      }
    } catch (err) {
      throw discordError(err);
    }
  }

  /**
   * A document (summary, digest) as embeds: an embed holds 4096 characters and a message 6000
   * over all its embeds, three times what message content allows, so a burst of dozens of
   * alerts still fits one message. Longer ones continue in further messages, each paced.
   */
  async function postDoc(doc: Doc, nonce: string | undefined, pace: () => Promise<void>): Promise<SendResult> {
    const messages: APIEmbed[][] = [];
    let total = Infinity;
    for (const chunk of renderDiscordMarkdown(doc, DOC_CHUNK)) {
      if (total + chunk.length > DOC_MESSAGE || messages[messages.length - 1].length === 10) {
        messages.push([]);
        total = 0;
      }
      messages[messages.length - 1].push({ description: chunk, color: DOC_COLOUR });
      total += chunk.length;
    }
    let first: string | null = null;
    for (let i = 0; i < messages.length; i++) {
      const partNonce = nonce && i > 0 ? `${nonce}.${i}` : nonce;
      const msg = await post({ embeds: messages[i], allowed_mentions: NO_MENTIONS }, partNonce, pace);
      first ??= msg.id;
    }
    return { remoteId: first };
  }

  const embedBody = (embed: APIEmbed) => ({ embeds: [embed], allowed_mentions: NO_MENTIONS });

  /**
   * The short milestone reply to the story's first message. A bot replies to it (without
   * pinging anyone); a webhook cannot reply, so its message stands on its own, naming the
   * article that reached the milestone.
   */
  const milestoneBody = (doc: Doc, firstId: string) => {
    const body: Record<string, unknown> = { content: doc.map(lineMarkdown).join('\n'), allowed_mentions: { ...NO_MENTIONS, replied_user: false } };
    if (destination.kind === 'channel') body.message_reference = { message_id: firstId, fail_if_not_exists: false };
    return body;
  };

  return {
    name: options.name,
    limits: discordLimits(destination),
    idempotent: destination.kind === 'channel',

    async send(message: AlertMessage, opts: SendOptions = {}): Promise<SendResult> {
      const pace = opts.pace ?? noPace;
      const firstView = firstMessageView(message);
      if (firstView && message.story.firstRemoteId) {
        try {
          await edit(message.story.firstRemoteId, embedBody(alertEmbed(firstView)), pace);
          const reply = milestoneDoc(message);
          if (reply) await post(milestoneBody(reply, message.story.firstRemoteId), opts.nonce, pace);
          return { remoteId: message.story.firstRemoteId };
        } catch (err) {
          // The first message was deleted (or is too old to edit): announce the follow-up anew.
          if (!(err instanceof Error && 'status' in err && (err as { status: number | null }).status === 404)) throw err;
        }
      }
      const view = alertView(message);
      const embed = alertEmbed(view);
      if (message.kind === 'follow-up') embed.author = { name: t(message.language, 'alert.followUp') };
      const msg = await post(embedBody(embed), opts.nonce, pace);
      return { remoteId: msg.id };
    },

    sendSummary(summary: AlertSummary, opts: SendOptions = {}) {
      return postDoc(summaryDoc(summary), opts.nonce, opts.pace ?? noPace);
    },

    sendDigest(digest: DigestMessage, opts: SendOptions = {}) {
      return postDoc(digestDoc(digest), opts.nonce, opts.pace ?? noPace);
    },
  };
}
