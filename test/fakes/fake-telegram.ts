/**
 * A fake Telegram Bot API on 127.0.0.1 (TELEGRAM_API_ROOT), enough for the notifier and the
 * commands: sendMessage and editMessageText with HTML parse mode checked as strictly as
 * Telegram does, the 4096-character limit, 1 message per second per chat and 20 per minute
 * per group (answering 429 with retry_after, and recording the violation), getChatMember with
 * configurable administrators, and the calls bot.start() makes.
 */
import type { ServerResponse } from 'node:http';
import { CannedQueue, send, startJsonServer, type CannedResponse, type RecordedRequest } from './http';
import { parseTelegramHtml } from './telegram-html';

export interface FakeTelegramOptions {
  token: string;
  /** chat id -> user ids that administer it. */
  admins?: Record<string, number[]>;
  now?: () => number;
  /** Allowed lateness of the fake's clock against the bot's, for tests on real time. Default 0. */
  toleranceMs?: number;
}

export interface FakeTelegramMessage {
  chatId: string;
  messageId: number;
  /** The HTML as sent, then as edited. */
  html: string;
  /** Visible text after parsing. */
  text: string;
  payload: Record<string, unknown>;
  edits: string[];
  at: number;
  /** The client that sent it (see RecordedRequest.client). */
  client: string | null;
}

export interface FakeTelegram {
  apiRoot: string;
  messages: FakeTelegramMessage[];
  calls: Array<RecordedRequest & { method: string }>;
  rateViolations: Array<{ chatId: string; at: number }>;
  admins: Record<string, number[]>;
  /** Answers the next calls of `method` with these instead (`body` is the Bot API's JSON). */
  failNext(method: string, ...responses: CannedResponse[]): void;
  /** Forgets the queued failures. */
  clearFailures(): void;
  /** The next sendMessage creates its message and never answers (a crash between send and record). */
  holdNextSend(): Promise<FakeTelegramMessage>;
  /** The chat's messages as a member sees them (edits applied). */
  visible(chatId: string): string[];
  close(): Promise<void>;
}

export const FAKE_BOT_USER = { id: 7000000001, is_bot: true, first_name: 'Nadzor Watch', username: 'nadzor_test_bot' };

const apiError = (res: ServerResponse, code: number, description: string, parameters?: Record<string, unknown>) =>
  send(res, code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });

export async function startFakeTelegram(options: FakeTelegramOptions): Promise<FakeTelegram> {
  const now = options.now ?? Date.now;
  const tolerance = options.toleranceMs ?? 0;
  const canned = new CannedQueue<string>();
  let nextId = 1;
  let holdWaiters: Array<(m: FakeTelegramMessage) => void> = [];

  const fake: FakeTelegram = {
    apiRoot: '',
    messages: [],
    calls: [],
    rateViolations: [],
    admins: options.admins ?? {},
    failNext: (method, ...responses) => canned.push(method, responses),
    clearFailures: () => canned.clear(),
    holdNextSend: () => new Promise((resolve) => holdWaiters.push(resolve)),
    visible: (chatId) => fake.messages.filter((m) => m.chatId === chatId).map((m) => m.edits.at(-1) ?? m.html),
    close: async () => {},
  };

  const messageJson = (m: FakeTelegramMessage) => ({
    message_id: m.messageId,
    date: Math.floor(m.at / 1000),
    chat: { id: Number(m.chatId), type: m.chatId.startsWith('-') ? 'supergroup' : 'private' },
    from: FAKE_BOT_USER,
    text: m.text,
  });

  function checkHtml(res: ServerResponse, payload: Record<string, unknown>): { text: string } | null {
    const html = String(payload.text ?? '');
    if (payload.parse_mode !== 'HTML') {
      apiError(res, 400, 'Bad Request: the test fake expects parse_mode HTML');
      return null;
    }
    const parsed = parseTelegramHtml(html);
    if (!parsed.ok) {
      apiError(res, 400, parsed.error);
      return null;
    }
    if (parsed.text.trim().length === 0) {
      apiError(res, 400, 'Bad Request: message text is empty');
      return null;
    }
    if (parsed.text.length > 4096) {
      apiError(res, 400, 'Bad Request: message is too long');
      return null;
    }
    return parsed;
  }

  function sendMessage(res: ServerResponse, payload: Record<string, unknown>, client: string | null = null): void {
    const chatId = String(payload.chat_id);
    const at = now();
    const inChat = fake.messages.filter((m) => m.chatId === chatId);
    const last = inChat.at(-1);
    const isGroup = chatId.startsWith('-') || chatId.startsWith('@');
    const lastMinute = inChat.filter((m) => at - m.at < 60_000);
    if ((last && at - last.at < 1_000 - tolerance) || (isGroup && lastMinute.length >= 20)) {
      fake.rateViolations.push({ chatId, at });
      const wait = Math.max(1, Math.ceil(isGroup && lastMinute.length >= 20 ? (lastMinute[lastMinute.length - 20].at + 60_000 - at) / 1000 : 1));
      return apiError(res, 429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
    }
    const parsed = checkHtml(res, payload);
    if (!parsed) return;
    const message: FakeTelegramMessage = { chatId, messageId: nextId++, html: String(payload.text), text: parsed.text, payload, edits: [], at, client };
    fake.messages.push(message);
    if (holdWaiters.length) {
      const waiters = holdWaiters;
      holdWaiters = [];
      waiters.forEach((w) => w(message));
      return;
    }
    send(res, 200, { ok: true, result: messageJson(message) });
  }

  function editMessageText(res: ServerResponse, payload: Record<string, unknown>): void {
    const chatId = String(payload.chat_id);
    const m = fake.messages.find((x) => x.chatId === chatId && x.messageId === Number(payload.message_id));
    if (!m) return apiError(res, 400, 'Bad Request: message to edit not found');
    const parsed = checkHtml(res, payload);
    if (!parsed) return;
    if ((m.edits.at(-1) ?? m.html) === payload.text) {
      return apiError(res, 400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    m.edits.push(String(payload.text));
    send(res, 200, { ok: true, result: { ...messageJson(m), text: parsed.text } });
  }

  const server = await startJsonServer(async (req, res) => {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.path);
    if (!m) return apiError(res, 404, 'Not Found');
    const method = m[2];
    fake.calls.push({ ...req, method });
    if (m[1] !== options.token) return apiError(res, 401, 'Unauthorized');
    const cannedResponse = canned.take((x) => x === method);
    if (cannedResponse) {
      if (cannedResponse.destroy) return void res.destroy();
      return send(res, cannedResponse.status, cannedResponse.body, cannedResponse.headers);
    }
    const payload = (req.body ?? {}) as Record<string, unknown>;
    switch (method) {
      case 'getMe':
        return send(res, 200, { ok: true, result: { ...FAKE_BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } });
      case 'sendMessage':
        return sendMessage(res, payload, req.client);
      case 'editMessageText':
        return editMessageText(res, payload);
      case 'getChatMember': {
        const admins = fake.admins[String(payload.chat_id)] ?? [];
        const userId = Number(payload.user_id);
        const status = admins[0] === userId ? 'creator' : admins.includes(userId) ? 'administrator' : 'member';
        return send(res, 200, { ok: true, result: { status, user: { id: userId, is_bot: false, first_name: 'User' } } });
      }
      case 'setMyCommands':
      case 'deleteWebhook':
      case 'close':
        return send(res, 200, { ok: true, result: true });
      case 'getUpdates':
        // Long polling with nothing to deliver: answer soon with no updates.
        await new Promise((r) => setTimeout(r, 50));
        return send(res, 200, { ok: true, result: [] });
      default:
        return apiError(res, 404, `Not Found: method ${method} not in the fake`);
    }
  }, now);

  fake.apiRoot = server.base;
  fake.close = server.close;
  return fake;
}
