/**
 * Alert delivery end to end: storage, routing, the delivery worker and the real notifiers
 * against the fake Discord REST and Telegram Bot API servers on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Classification } from '../shared/model/types';
import type { DeliveryWorker } from '../bot/notify/worker';
import { HOSTILE_TITLE } from '../bot/notify/testdata/messages';
import { article, classification } from '../bot/storage/testdata/fixtures';
import { discordLinks, discordVisible } from './fakes/discord-view';
import { IDS, notifyWorld, type NotifyWorld } from './fakes/notify-world';
import { parseTelegramHtml } from './fakes/telegram-html';

let world: NotifyWorld;
afterEach(async () => {
  await world?.close();
});

/** What the processor does for a relevant new article: store it and queue its alerts, in one transaction. */
function processArticle(
  w: NotifyWorld,
  n: number,
  over: { title?: string; outlet?: string; storyId?: number | null; classification?: Partial<Classification> } = {},
): Record<string, number> {
  const c = classification(over.classification);
  return w.storage.transaction(() => {
    const storyId = over.storyId ?? null;
    const articleId = w.storage.articles.insert(
      article(n, { title: over.title ?? `Kamere u Beogradu, vest ${n}`, outlet: over.outlet ?? 'Example', storyId, classification: c }),
    )!;
    const ids: Record<string, number> = {};
    for (const target of w.runtime.routing.targetsFor({}, c)) {
      const kind = storyId !== null && w.storage.alerts.alreadyAlertedStory(storyId, target) ? 'follow-up' : 'new';
      ids[target] = w.storage.alerts.enqueue({ articleId, storyId, kind, target, at: w.clock.iso() })!;
    }
    return ids;
  });
}

const telegramTexts = (w: NotifyWorld) =>
  w.telegram.visible(IDS.chat).map((html) => {
    const p = parseTelegramHtml(html);
    return p.ok ? p.text : `INVALID ${p.error}`;
  });
const discordTexts = (w: NotifyWorld) => w.discord.visible(IDS.channel).map(discordVisible);

describe('alert delivery to Discord and Telegram', () => {
  it('sends the exact payloads, with nonce, no mentions and escaped feed text', async () => {
    world = await notifyWorld();
    const ids = processArticle(world, 1, { title: HOSTILE_TITLE });
    expect(Object.keys(ids)).toEqual(['console', 'discord', 'telegram']);
    await world.startWorker().drain();

    const post = world.discord.requests.find((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`)!;
    expect(post.headers.authorization).toBe(`Bot ${IDS.discordToken}`);
    expect(post.body).toEqual({
      embeds: [
        {
          title: '\\@everyone \\<b\\>x\\</b\\> \\[a\\]\\(http://evil\\)',
          url: 'https://example.rs/a/1?utm_source=rss',
          description: 'Tekst 1',
          color: 0xc6363c,
          fields: [
            { name: 'Medij', value: '🇷🇸 Example · domaći medij', inline: true },
            { name: 'Objavljeno', value: '2\\. 3. 2025. 11:00', inline: true },
            // A reason that names no known concept: the classifier's first topic stands in.
            { name: 'Teme', value: '\\#kamere', inline: false },
            { name: 'Zašto', value: 'prepoznavanje lica \\(ocena 0,90\\)', inline: false },
          ],
          footer: { text: 'Nadzor Watch' },
        },
      ],
      allowed_mentions: { parse: [] },
      nonce: `nw-a${ids.discord}`,
      enforce_nonce: true,
    });

    const send = world.telegram.calls.find((c) => c.method === 'sendMessage')!;
    expect(send.body).toEqual({
      chat_id: Number(IDS.chat),
      text: [
        '<a href="https://example.rs/a/1?utm_source=rss"><b>@everyone &lt;b&gt;x&lt;/b&gt; [a](http://evil)</b></a>',
        '🇷🇸 Example · domaći medij · 2. 3. 2025. 11:00',
        '',
        'Tekst 1',
        '',
        '#kamere',
        '<i>Zašto:</i> prepoznavanje lica (ocena 0,90)',
        '<a href="https://example.rs/a/1?utm_source=rss">Pročitaj</a> · example.rs',
      ].join('\n'),
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
    // As members see it: the title as plain text, and no link to the injected URL.
    expect(telegramTexts(world)[0]).toContain(HOSTILE_TITLE);
    expect(discordTexts(world)[0]).toContain(HOSTILE_TITLE);
    expect(discordLinks(world.discord.messages[0].body)).toEqual(['https://example.rs/a/1?utm_source=rss']);
    expect(world.consoleOut.join('')).toContain(`[Novo] ${HOSTILE_TITLE}`);
    expect(world.storage.alerts.get(ids.discord)).toMatchObject({ status: 'sent', remoteId: world.discord.messages[0].id });
    expect(world.storage.alerts.get(ids.telegram)).toMatchObject({ status: 'sent', remoteId: '1' });
  });

  it('edits the first message when another outlet reports the story', async () => {
    world = await notifyWorld();
    const story = world.storage.stories.create('Kamere', world.clock.iso(), [1]);
    processArticle(world, 1, { storyId: story, outlet: 'N1' });
    const worker = world.startWorker();
    await worker.drain();
    const follow = processArticle(world, 2, { storyId: story, outlet: 'Danas' });
    expect(world.storage.alerts.get(follow.telegram)?.kind).toBe('follow-up');
    world.clock.advance(2_000);
    await worker.drain();

    expect(world.discord.messages).toHaveLength(1);
    const edit = world.discord.requests.find((r) => r.method === 'PATCH')!;
    expect(edit.path).toBe(`/api/v10/channels/${IDS.channel}/messages/${world.discord.messages[0].id}`);
    expect(discordTexts(world)[0]).toContain('Preneo još 1 medij: Danas');
    expect(world.telegram.messages).toHaveLength(1);
    expect(telegramTexts(world)[0]).toContain('Preneo još 1 medij: Danas');
    expect(world.storage.alerts.get(follow.telegram)).toMatchObject({ status: 'sent', remoteId: '1' });
    expect(world.consoleOut.join('')).toContain('[Nastavak priče] Kamere u Beogradu, vest 2');
  });

  it('keeps both destinations under their limits through a burst of 50, folding the excess, dropping nothing', async () => {
    world = await notifyWorld();
    const n = 50;
    for (let i = 1; i <= n; i++) processArticle(world, i, { title: `Vest broj ${i}: kamere` });
    await world.startWorker().drain();

    expect(world.discord.rateViolations).toEqual([]);
    expect(world.telegram.rateViolations).toEqual([]);
    expect(world.storage.alerts.pendingCount()).toBe(0);
    // A handful of messages, not fifty: the first ones alone, then one summary.
    expect(world.discord.messages.length).toBeLessThanOrEqual(6);
    expect(world.telegram.messages.length).toBeLessThanOrEqual(7);
    for (const texts of [discordTexts(world), telegramTexts(world)]) {
      const all = texts.join('\n');
      expect(all).toMatch(/novih upozorenja odjednom/);
      for (let i = 1; i <= n; i++) expect(all).toContain(`Vest broj ${i}: kamere`);
      expect(all).not.toContain('INVALID');
    }
    // Telegram: never two messages to the chat within a second.
    const at = world.telegram.messages.map((m) => m.at);
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(1_000);
    expect(world.logs.filter((l) => l.message.includes('burst folded'))).toHaveLength(2);
  });

  it("waits out a 429 for as long as retry_after says, on both platforms", async () => {
    world = await notifyWorld();
    world.discord.failNext({ method: 'POST' }, { status: 429, body: { message: 'You are being rate limited.', retry_after: 3.5, global: false }, headers: { 'retry-after': '4' } });
    world.telegram.failNext('sendMessage', { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } } });
    const ids = processArticle(world, 1);
    const worker = world.startWorker();
    await worker.drain();
    const t0 = world.clock.now();
    expect(world.storage.alerts.get(ids.discord)).toMatchObject({ status: 'pending', nextAttemptAt: new Date(t0 + 3_500).toISOString() });
    expect(world.storage.alerts.get(ids.telegram)).toMatchObject({ status: 'pending', nextAttemptAt: new Date(t0 + 7_000).toISOString() });

    world.clock.advance(3_500);
    await worker.drain();
    expect(world.discord.messages).toHaveLength(1);
    expect(world.telegram.messages).toHaveLength(0);
    world.clock.advance(3_500);
    await worker.drain();
    expect(world.telegram.messages).toHaveLength(1);
    expect(world.storage.alerts.pendingCount()).toBe(0);
  });

  it('retries a 5xx and a dropped connection with backoff, then succeeds', async () => {
    world = await notifyWorld();
    world.discord.failNext({ method: 'POST' }, { status: 502, body: { message: 'Bad Gateway' } }, { status: 0, destroy: true });
    world.telegram.failNext('sendMessage', { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } });
    const ids = processArticle(world, 1);
    const worker = world.startWorker();
    await worker.drain();
    expect(world.storage.alerts.get(ids.discord)).toMatchObject({ status: 'pending', lastError: 'Discord HTTP 502' });
    world.clock.advance(10_000);
    await worker.drain();
    expect(world.telegram.messages).toHaveLength(1);
    expect(world.discord.messages).toHaveLength(0);
    expect(world.storage.alerts.get(ids.discord)?.lastError).toMatch(/Discord request failed/);
    world.clock.advance(20_000);
    await worker.drain();
    expect(world.discord.messages).toHaveLength(1);
    expect(world.storage.alerts.get(ids.discord)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('keeps delivering to Discord while Telegram is down, and catches Telegram up later', async () => {
    world = await notifyWorld();
    const responses = Array.from({ length: 20 }, () => ({ status: 503, body: { ok: false, error_code: 503, description: 'Service Unavailable' } }));
    world.telegram.failNext('sendMessage', ...responses);
    const worker = world.startWorker();
    for (let i = 1; i <= 3; i++) {
      processArticle(world, i);
      await worker.drain();
      world.clock.advance(6_000);
    }
    expect(world.discord.messages).toHaveLength(3);
    expect(world.telegram.messages).toHaveLength(0);
    expect(world.storage.alerts.pendingCount('telegram')).toBe(3);
    expect(world.logs.some((l) => l.level === 'warn' && l.message.includes('target=telegram'))).toBe(true);

    // Telegram is back: the queued alerts arrive in order.
    world.telegram.clearFailures();
    await drainUntilEmpty(world, worker, 'telegram');
    expect(telegramTexts(world).map((t) => t.split('\n')[0])).toEqual(['Kamere u Beogradu, vest 1', 'Kamere u Beogradu, vest 2', 'Kamere u Beogradu, vest 3']);
  });

  it('never logs a token, whatever fails', async () => {
    world = await notifyWorld({ env: { TELEGRAM_BOT_TOKEN: '999999:AAwrongTOKENwrongTOKENwrongTOKENxx' } });
    world.discord.failNext({ method: 'POST' }, { status: 0, destroy: true });
    processArticle(world, 1);
    await world.startWorker().drain();
    const text = JSON.stringify(world.logs);
    expect(world.logs.some((l) => l.level === 'error' && l.message.includes('target=telegram'))).toBe(true);
    for (const secret of [IDS.discordToken, '999999:AAwrongTOKENwrongTOKENwrongTOKENxx', 'AAwrongTOKEN']) expect(text).not.toContain(secret);
  });
});

/** Drains, moving the clock to each retry time, until the target has nothing pending. */
async function drainUntilEmpty(w: NotifyWorld, worker: DeliveryWorker, target: string): Promise<void> {
  for (let i = 0; i < 50 && w.storage.alerts.pendingCount(target) > 0; i++) {
    const next = w.storage.db
      .prepare("SELECT min(next_attempt_at) AS t FROM alerts WHERE target = ? AND status IN ('pending', 'sending')")
      .get(target) as { t: string };
    w.clock.advance(Math.max(0, Date.parse(next.t) - w.clock.now()));
    await worker.drain();
  }
}

describe('Discord gateway', () => {
  it('logs a failed gateway login and goes on delivering over REST', async () => {
    world = await notifyWorld();
    await world.runtime.startCommands();
    await expect.poll(() => world.logs.some((l) => l.message.includes('gateway login failed')), { timeout: 5_000 }).toBe(true);
    expect(world.discord.commands.map((c) => (c as { name: string }).name)).toEqual(['latest', 'coverage', 'why', 'subscribe', 'unsubscribe', 'feeds']);
    processArticle(world, 1);
    await world.startWorker().drain();
    expect(world.discord.messages).toHaveLength(1);
    expect(JSON.stringify(world.logs)).not.toContain(IDS.discordToken);
  });
});
