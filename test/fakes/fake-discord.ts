/**
 * A fake Discord REST API (v10) on 127.0.0.1, enough for the notifiers, the slash commands and
 * the gateway's first request. It checks what real Discord checks and tests care about: the bot
 * token, webhook tokens, payload limits, enforce_nonce de-duplication, and 5 messages per 5 s
 * per channel (answering 429 with retry_after, and recording the violation).
 */
import type { ServerResponse } from 'node:http';
import { CannedQueue, send, startJsonServer, type CannedResponse, type RecordedRequest } from './http';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts in `Authorization: Bot <token>`. */
  botToken?: string;
  /** Channel id -> guild id, for GET /channels/:id. */
  channels?: Record<string, string>;
  /** Webhooks: id -> token, channel and guild. */
  webhooks?: Record<string, { token: string; channelId: string; guildId: string }>;
  /** The fake's clock (rate limits, nonce window); tests with a virtual clock pass it. */
  now?: () => number;
  /** How long enforce_nonce remembers a nonce. Discord says "a few minutes". Default 5 min. */
  nonceWindowMs?: number;
  /** GET /gateway/bot: 'unauthorized' (default, so no test ever opens a gateway) or 'unavailable'. */
  gateway?: 'unauthorized' | 'unavailable';
}

export interface FakeDiscordMessage {
  id: string;
  channelId: string;
  /** Null for bot messages. */
  webhookId: string | null;
  /** The JSON body as received. */
  body: Record<string, unknown>;
  /** Later bodies from PATCH, oldest first. */
  edits: Array<Record<string, unknown>>;
  at: number;
  /** The client that created it (see RecordedRequest.client). */
  client: string | null;
}

export interface FakeDiscord {
  /** The REST base for DISCORD_API_URL, e.g. http://127.0.0.1:1234/api. */
  url: string;
  readonly applicationId: string;
  messages: FakeDiscordMessage[];
  requests: RecordedRequest[];
  /** Messages refused because a channel's limit was exceeded. */
  rateViolations: Array<{ channelId: string; at: number }>;
  /** Registered slash commands (the last PUT). */
  commands: unknown[];
  /** Interaction callbacks, edits of the original reply, and follow-ups, in order. */
  interactionReplies: Array<{ kind: 'callback' | 'edit' | 'followup'; token: string; body: Record<string, unknown> }>;
  /** Answers the next requests matching `method` and `path` with these responses instead. */
  failNext(match: { method?: string; path?: RegExp }, ...responses: CannedResponse[]): void;
  /** Forgets the queued failures. */
  clearFailures(): void;
  /**
   * Makes the next created message stay unanswered: the message exists, the response never
   * comes. Resolves with the message when it was created (a crash between send and record).
   */
  holdNextCreate(): Promise<FakeDiscordMessage>;
  /** Channel messages as a person in the channel sees them (edits applied). */
  visible(channelId: string): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

const LIMITS = { content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000 };

/** Discord's own checks on a message body that matter here; null when valid. */
function invalidBody(body: Record<string, unknown>): string | null {
  const content = typeof body.content === 'string' ? body.content : '';
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Array<Record<string, any>>) : [];
  if (!content && embeds.length === 0) return 'Cannot send an empty message';
  if (content.length > LIMITS.content) return 'content: Must be 2000 or fewer in length.';
  if (embeds.length > LIMITS.embeds) return 'embeds: Must be 10 or fewer in length.';
  if (typeof body.nonce === 'string' && body.nonce.length > 25) return 'nonce: Must be 25 or fewer in length.';
  let total = 0;
  for (const e of embeds) {
    const title = String(e.title ?? '');
    const description = String(e.description ?? '');
    if (title.length > LIMITS.title) return 'embeds.0.title: Must be 256 or fewer in length.';
    if (description.length > LIMITS.description) return 'embeds.0.description: Must be 4096 or fewer in length.';
    const fields = (e.fields ?? []) as Array<{ name: string; value: string }>;
    if (fields.length > LIMITS.fields) return 'embeds.0.fields: Must be 25 or fewer in length.';
    for (const f of fields) {
      if (!f.name || f.name.length > LIMITS.fieldName) return 'embeds.0.fields.name: Must be between 1 and 256 in length.';
      if (!f.value || f.value.length > LIMITS.fieldValue) return 'embeds.0.fields.value: Must be between 1 and 1024 in length.';
      total += f.name.length + f.value.length;
    }
    if (e.url !== undefined && !/^https?:\/\//.test(String(e.url))) return 'embeds.0.url: Not a well formed URL.';
    total += title.length + description.length + String(e.footer?.text ?? '').length + String(e.author?.name ?? '').length;
  }
  if (total > LIMITS.total) return 'embeds: Embed size exceeds maximum size of 6000';
  return null;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const now = options.now ?? Date.now;
  const nonceWindowMs = options.nonceWindowMs ?? 5 * 60_000;
  const webhooks = options.webhooks ?? {};
  const channels = options.channels ?? {};
  const applicationId = '1100000000000000001';
  let nextId = 1300000000000000001n;
  const newId = () => String(nextId++);
  const canned = new CannedQueue<{ method?: string; path?: RegExp }>();
  let holdWaiters: Array<(m: FakeDiscordMessage) => void> = [];

  const fake: FakeDiscord = {
    url: '',
    applicationId,
    messages: [],
    requests: [],
    rateViolations: [],
    commands: [],
    interactionReplies: [],
    failNext: (match, ...responses) => canned.push(match, responses),
    clearFailures: () => canned.clear(),
    holdNextCreate: () => new Promise((resolve) => holdWaiters.push(resolve)),
    visible: (channelId) =>
      fake.messages.filter((m) => m.channelId === channelId).map((m) => ({ ...m.body, ...(m.edits.at(-1) ?? {}), id: m.id })),
    close: async () => {},
  };

  const messageJson = (m: FakeDiscordMessage) => ({
    id: m.id,
    type: 0,
    channel_id: m.channelId,
    webhook_id: m.webhookId ?? undefined,
    content: (m.edits.at(-1)?.content ?? m.body.content ?? '') as string,
    embeds: (m.edits.at(-1)?.embeds ?? m.body.embeds ?? []) as unknown[],
    nonce: m.body.nonce,
    author: { id: m.webhookId ?? '1200000000000000001', username: 'Nadzor Watch', discriminator: '0000', avatar: null, bot: true },
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date(m.at).toISOString(),
    edited_timestamp: m.edits.length ? new Date(now()).toISOString() : null,
    flags: (m.body.flags as number | undefined) ?? 0,
  });

  /** Creates a channel message, unless the channel's limit or the nonce says otherwise. */
  function create(res: ServerResponse, channelId: string, webhookId: string | null, body: Record<string, unknown>, answer: boolean, client: string | null = null): void {
    const problem = invalidBody(body);
    if (problem) return send(res, 400, { code: 50035, message: `Invalid Form Body: ${problem}` });
    const at = now();
    if (typeof body.nonce === 'string' && body.enforce_nonce === true) {
      const earlier = fake.messages.find(
        (m) => m.channelId === channelId && m.body.nonce === body.nonce && m.webhookId === webhookId && at - m.at <= nonceWindowMs,
      );
      if (earlier) return send(res, 200, messageJson(earlier));
    }
    const recent = fake.messages.filter((m) => m.channelId === channelId && at - m.at < 5_000);
    if (recent.length >= 5) {
      fake.rateViolations.push({ channelId, at });
      const retryAfter = (recent[recent.length - 5].at + 5_000 - at) / 1000;
      return send(res, 429, { message: 'You are being rate limited.', retry_after: retryAfter, global: false }, {
        'retry-after': String(Math.ceil(retryAfter)),
        'x-ratelimit-scope': 'user',
      });
    }
    const message: FakeDiscordMessage = { id: newId(), channelId, webhookId, body, edits: [], at, client };
    fake.messages.push(message);
    if (holdWaiters.length) {
      const waiters = holdWaiters;
      holdWaiters = [];
      waiters.forEach((w) => w(message));
      return; // never answered: the connection stays open until the fake closes
    }
    if (!answer) return send(res, 204);
    send(res, 200, messageJson(message));
  }

  function edit(res: ServerResponse, channelId: string | null, id: string, body: Record<string, unknown>): void {
    const m = fake.messages.find((x) => x.id === id && (channelId === null || x.channelId === channelId));
    if (!m) return send(res, 404, { code: 10008, message: 'Unknown Message' });
    const problem = invalidBody({ ...m.body, ...body, nonce: undefined });
    if (problem) return send(res, 400, { code: 50035, message: `Invalid Form Body: ${problem}` });
    m.edits.push(body);
    send(res, 200, messageJson(m));
  }

  const server = await startJsonServer(async (req, res) => {
    fake.requests.push(req);
    const cannedResponse = canned.take((m) => (!m.method || m.method === req.method) && (!m.path || m.path.test(req.path)));
    if (cannedResponse) {
      if (cannedResponse.destroy) return void res.destroy();
      return send(res, cannedResponse.status, cannedResponse.body, cannedResponse.headers);
    }
    const path = req.path.replace(/^\/api\/v10/, '');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const botAuth = req.headers.authorization === `Bot ${options.botToken}` && options.botToken !== undefined;
    const unauthorized = () => send(res, 401, { message: '401: Unauthorized', code: 0 });
    let m: RegExpExecArray | null;

    if (req.method === 'GET' && path === '/gateway/bot') {
      if (options.gateway === 'unavailable') return send(res, 503, { message: 'Service Unavailable' });
      return unauthorized();
    }
    if (req.method === 'GET' && path === '/applications/@me') return botAuth ? send(res, 200, { id: applicationId, name: 'Nadzor Watch' }) : unauthorized();
    if ((m = /^\/applications\/(\d+)\/commands$/.exec(path)) && req.method === 'PUT') {
      if (!botAuth) return unauthorized();
      fake.commands = (req.body as unknown[]).map((c, i) => ({ ...(c as object), id: String(1400000000000000001n + BigInt(i)), application_id: m![1] }));
      return send(res, 200, fake.commands);
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && req.method === 'POST') {
      fake.interactionReplies.push({ kind: 'callback', token: m[2], body });
      return send(res, 204);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(?:@|%40)original$/.exec(path)) && m[1] === applicationId && req.method === 'PATCH') {
      fake.interactionReplies.push({ kind: 'edit', token: m[2], body });
      return send(res, 200, { id: newId(), channel_id: '0', content: body.content ?? '', embeds: [], attachments: [], author: { id: applicationId, username: 'Nadzor Watch' }, timestamp: new Date(now()).toISOString(), type: 0 });
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path)) && m[1] === applicationId && req.method === 'POST') {
      fake.interactionReplies.push({ kind: 'followup', token: m[2], body });
      return send(res, 200, { id: newId(), channel_id: '0', content: body.content ?? '', embeds: [], attachments: [], author: { id: applicationId, username: 'Nadzor Watch' }, timestamp: new Date(now()).toISOString(), type: 0 });
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && req.method === 'POST') {
      if (!botAuth) return unauthorized();
      if (!(m[1] in channels)) return send(res, 404, { code: 10003, message: 'Unknown Channel' });
      return create(res, m[1], null, body, true, req.client);
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) && req.method === 'PATCH') {
      if (!botAuth) return unauthorized();
      return edit(res, m[1], m[2], body);
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path)) && req.method === 'GET') {
      if (!botAuth) return unauthorized();
      if (!(m[1] in channels)) return send(res, 404, { code: 10003, message: 'Unknown Channel' });
      return send(res, 200, { id: m[1], type: 0, guild_id: channels[m[1]] });
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(\d+))?$/.exec(path))) {
      const hook = webhooks[m[1]];
      if (!hook || hook.token !== m[2]) return send(res, 404, { code: 10015, message: 'Unknown Webhook' });
      if (req.method === 'GET' && !m[3]) return send(res, 200, { id: m[1], type: 1, channel_id: hook.channelId, guild_id: hook.guildId });
      if (req.method === 'POST' && !m[3]) return create(res, hook.channelId, m[1], body, req.query.get('wait') === 'true', req.client);
      if (req.method === 'PATCH' && m[3]) return edit(res, hook.channelId, m[3], body);
    }
    send(res, 404, { message: '404: Not Found', code: 0 });
  }, now);

  fake.url = `${server.base}/api`;
  fake.close = server.close;
  return fake;
}
