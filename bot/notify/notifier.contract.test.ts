/**
 * The contract every Notifier keeps, run against the console (a captured stream), Discord by
 * webhook and by bot (a fake REST server) and Telegram (a fake Bot API): the real notifier
 * code, only the far end is fake. Platform details (exact payloads) are in each folder's tests.
 */
import { Writable } from 'node:stream';
import { Bot } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordLinks, discordVisible } from '../../test/fakes/discord-view';
import { startFakeDiscord, type FakeDiscord } from '../../test/fakes/fake-discord';
import { startFakeTelegram, type FakeTelegram } from '../../test/fakes/fake-telegram';
import { parseTelegramHtml } from '../../test/fakes/telegram-html';
import { createConsoleNotifier } from './console/console-notifier';
import { createDiscordNotifier } from './discord/discord-notifier';
import { createDiscordRest } from './discord/rest';
import { virtualClock, type VirtualClock } from '../../test/fakes/virtual-clock';
import { DeliveryError } from './errors';
import { RateLimiter } from './rate-limit';
import { createTelegramNotifier } from './telegram/telegram-notifier';
import { alertMessage, digestData, followUp, HOSTILE_TITLE } from './testdata/messages';
import type { Notifier } from './types';

interface Harness {
  notifier: Notifier;
  /** What a reader sees, one string per message (edits applied). */
  visible(): string[];
  /** Links a reader could click, over all messages. */
  links(): string[];
  /** Whether the target edits a story's first message for a follow-up. */
  edits: boolean;
  /** Waits for the notifier's rate limits on the harness's virtual clock (shared with the fake). */
  pace(): Promise<void>;
  /** Makes the next request fail with this HTTP status (and retry_after for 429). */
  failNext?(status: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

const BOT_TOKEN = 'fake-discord-bot-token-0123456789';
const CHANNEL = '1234567890123456789';
const WEBHOOK = { id: '1111111111111111111', token: 'webhook-token-abc' };
const TG_TOKEN = '123456:AAFAKEtokenFORtestsONLYxxxxxxxxxxxx';
const TG_CHAT = '-1001234567890';

function pacer(notifier: Notifier, clock: VirtualClock) {
  const limiter = new RateLimiter(clock);
  return () => limiter.acquire(notifier.limits);
}

function consoleHarness(): Harness {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const notifier = createConsoleNotifier({ stream, env: {} });
  return {
    notifier,
    pace: pacer(notifier, virtualClock()),
    visible: () => chunks,
    // The console's own link line; a URL inside a title is just text there.
    links: () => chunks.flatMap((c) => c.split('\n')).filter((l) => /^\s+https?:\/\/\S+$/.test(l)).map((l) => l.trim()),
    edits: false,
    close: async () => {},
  };
}

async function discordHarness(kind: 'webhook' | 'channel'): Promise<Harness> {
  const clock = virtualClock();
  const fake: FakeDiscord = await startFakeDiscord({
    now: clock.now,
    botToken: BOT_TOKEN,
    channels: { [CHANNEL]: '999' },
    webhooks: { [WEBHOOK.id]: { token: WEBHOOK.token, channelId: CHANNEL, guildId: '999' } },
  });
  const rest = createDiscordRest({ api: fake.url, token: kind === 'channel' ? BOT_TOKEN : null });
  const notifier = createDiscordNotifier({
    name: 'discord',
    rest,
    destination: kind === 'webhook' ? { kind: 'webhook', ...WEBHOOK } : { kind: 'channel', channelId: CHANNEL },
  });
  return {
    notifier,
    pace: pacer(notifier, clock),
    visible: () => fake.visible(CHANNEL).map(discordVisible),
    links: () => fake.visible(CHANNEL).flatMap(discordLinks),
    edits: true,
    failNext: (status, retryAfter) =>
      fake.failNext(
        { method: 'POST' },
        status === 429 ? { status, body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false } } : { status, body: { message: 'oops' } },
      ),
    close: fake.close,
  };
}

async function telegramHarness(): Promise<Harness> {
  const clock = virtualClock();
  const fake: FakeTelegram = await startFakeTelegram({ token: TG_TOKEN, now: clock.now });
  const bot = new Bot(TG_TOKEN, { client: { apiRoot: fake.apiRoot } });
  const parsed = () => fake.visible(TG_CHAT).map((html) => parseTelegramHtml(html));
  const notifier = createTelegramNotifier({ name: 'telegram', api: bot.api, chatId: TG_CHAT });
  return {
    notifier,
    pace: pacer(notifier, clock),
    visible: () => parsed().map((p) => (p.ok ? p.text : `INVALID: ${p.error}`)),
    links: () => parsed().flatMap((p) => (p.ok ? p.links : [])),
    edits: true,
    failNext: (status, retryAfter) =>
      fake.failNext('sendMessage', {
        status,
        body: { ok: false, error_code: status, description: status === 429 ? `Too Many Requests: retry after ${retryAfter}` : 'Internal Server Error', parameters: status === 429 ? { retry_after: retryAfter } : undefined },
      }),
    close: fake.close,
  };
}

const harnesses: Record<string, () => Harness | Promise<Harness>> = {
  console: consoleHarness,
  'discord (webhook)': () => discordHarness('webhook'),
  'discord (bot)': () => discordHarness('channel'),
  telegram: telegramHarness,
};

describe.each(Object.keys(harnesses))('Notifier contract: %s', (name) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harnesses[name]();
  });
  afterEach(async () => {
    await h.close();
  });

  it('delivers an alert with title, outlet and scope, date, lead, topics, reasons and link', async () => {
    const result = await h.notifier.send(alertMessage(), { nonce: 'nw-a1' });
    expect(result).toHaveProperty('remoteId');
    const [text] = h.visible();
    for (const part of ['Kamere sa prepoznavanjem lica u Beogradu', 'Example Vesti', 'domaći medij', '3. 3. 2025. 11:00', 'Ministarstvo je potvrdilo', '#kamere', '#prepoznavanje_lica', 'prepoznavanjem lica', 'ocena 0,91']) {
      expect(text).toContain(part);
    }
    expect(h.links()).toContain('https://www.example.rs/vesti/kamere-beograd');
  });

  it('writes in the destination language: sr-Cyrl transliterates our words, never the feed text', async () => {
    await h.notifier.send(alertMessage({ language: 'sr-Cyrl', article: { outlet: 'N1 Info', scope: 'international' } }));
    const [text] = h.visible();
    expect(text).toContain('страни медиј');
    expect(text).toContain('#камере');
    expect(text).toContain('Kamere sa prepoznavanjem lica u Beogradu');
    expect(text).toContain('N1 Info');
  });

  it('writes English when asked', async () => {
    await h.notifier.send(alertMessage({ language: 'en' }));
    expect(h.visible()[0]).toContain('domestic outlet');
    expect(h.visible()[0]).toContain('3 Mar 2025, 11:00');
  });

  it('shows a hostile feed title as plain text: no mention, no markup, no link', async () => {
    await h.notifier.send(alertMessage({ article: { title: HOSTILE_TITLE, lead: `${HOSTILE_TITLE} <script>alert(1)</script>` } }));
    expect(h.visible()[0]).toContain(HOSTILE_TITLE);
    expect(h.links()).not.toContain('http://evil');
    expect(h.links().every((l) => !l.includes('evil'))).toBe(true);
  });

  it('strips terminal escapes and control characters from feed text', async () => {
    await h.notifier.send(alertMessage({ article: { title: 'Kamere\u001b[31m u Beogradu\u0007\u202e', outlet: 'Out\u0000let' } }));
    const [text] = h.visible();
    expect(text).toContain('Kamere u Beogradu');
    expect(text).toContain('Outlet');
    expect(text).not.toMatch(/[\u0000-\u0008\u001b\u007f\u202e]/);
  });

  it('marks a follow-up with the other outlets, editing the first message where it can', async () => {
    const first = alertMessage();
    const { remoteId } = await h.notifier.send(first, { nonce: 'nw-a1', pace: h.pace });
    await h.notifier.send(followUp(first, remoteId), { nonce: 'nw-a2', pace: h.pace });
    const texts = h.visible();
    expect(texts).toHaveLength(h.edits ? 1 : 2);
    // The edited first message names the newcomer; a follow-up of its own names the others,
    // never its own outlet.
    expect(texts.at(-1)).toContain(h.edits ? 'Preneo još 1 medij: Drugi Portal' : 'Preneo još 1 medij: Example Vesti');
  });

  it('replies briefly when a follow-up brings the story to a milestone', async () => {
    const first = alertMessage();
    const { remoteId } = await h.notifier.send(first, { nonce: 'nw-a1', pace: h.pace });
    const f = followUp(first, remoteId, { outlet: 'BBC', scope: 'international' });
    f.milestones = [{ kind: 'first-international', outlet: 'BBC' }];
    await h.notifier.send(f, { nonce: 'nw-a2', pace: h.pace });
    const texts = h.visible();
    expect(texts).toHaveLength(2);
    if (h.edits) expect(texts[0]).toContain('Preneo još 1 medij: BBC');
    expect(texts[1]).toContain('🌍 Priču prenosi i prvi strani medij: BBC');
    expect(texts[1]).toContain('Beograd: kamere i prepoznavanje lica');
    // Without a milestone the edit is the whole update: no second message.
    await h.notifier.send(followUp(first, remoteId, { outlet: 'Treći' }), { nonce: 'nw-a3', pace: h.pace });
    expect(h.visible()).toHaveLength(h.edits ? 2 : 3);
  });

  it('sends a follow-up on its own when the first message is unknown', async () => {
    await h.notifier.send(followUp(alertMessage(), null), { nonce: 'nw-a2' });
    expect(h.visible()).toHaveLength(1);
    expect(h.visible()[0]).toContain('Beograd: kamere i prepoznavanje lica');
    expect(h.visible()[0]).toContain('Preneo još 1 medij: Example Vesti');
    expect(h.visible()[0]).not.toContain('medij: Drugi Portal');
  });

  it('folds a burst into a summary that leaves nothing out, within the message limits', async () => {
    const alerts = Array.from({ length: 50 }, (_, i) =>
      alertMessage({ alertId: i + 1, article: { id: i + 1, title: `Naslov broj ${i + 1} ${'o kamerama '.repeat(5)}`, url: `https://example.rs/a/${i + 1}` } }),
    );
    alerts[7].article.title = HOSTILE_TITLE;
    await h.notifier.sendSummary({ language: 'sr-Latn', alerts }, { nonce: 'nw-s1', pace: h.pace });
    const all = h.visible().join("\n");
    expect(all).toContain('50 novih upozorenja odjednom');
    for (let i = 1; i <= 50; i++) if (i !== 8) expect(all).toContain(`Naslov broj ${i} `);
    expect(all).toContain(HOSTILE_TITLE);
    expect(all).not.toContain('INVALID');
    expect(h.links()).not.toContain('http://evil');
  });

  it('delivers a digest with the counts, the change and the top stories', async () => {
    await h.notifier.sendDigest({ language: 'en', digest: digestData() }, { pace: h.pace });
    const text = h.visible().join('\n');
    for (const part of ['Weekly digest: 3 Mar 2025 – 10 Mar 2025', '12 articles, 5 stories', 'domestic: 9 · international: 3', 'Previous period: 8 articles, 4 stories · change in articles: +4 (+50%)', 'Kamere u Beogradu', 'N1, Danas, BBC']) {
      expect(text).toContain(part);
    }
  });

  it('paces every request through the limiter it is given', async () => {
    let paced = 0;
    await h.notifier.send(alertMessage(), { pace: async () => void paced++ });
    expect(paced).toBe(1);
  });

  it('declares its limits and whether a resend can duplicate', () => {
    expect(typeof h.notifier.idempotent).toBe('boolean');
    for (const w of h.notifier.limits) expect(w.limit).toBeGreaterThan(0);
  });

  it('reports a 429 as rate-limited with the destination\'s retry_after, and a 5xx as transient', async () => {
    if (!h.failNext) return;
    h.failNext(429, 2.5);
    const limited = await h.notifier.send(alertMessage()).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(DeliveryError);
    expect(limited).toMatchObject({ kind: 'rate-limited' });
    expect((limited as DeliveryError).retryAfterMs).toBeGreaterThanOrEqual(2000);
    h.failNext(502);
    await expect(h.notifier.send(alertMessage())).rejects.toMatchObject({ kind: 'transient' });
    expect(h.visible()).toHaveLength(0);
  });
});
