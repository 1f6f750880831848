/**
 * The exact payloads Discord and Telegram receive, as snapshots (in __snapshots__/): a new
 * alert, a follow-up that reaches a milestone (the edit of the first message and the short
 * reply), a burst summary with a follow-up in it, and a digest. The real notifiers talk to the
 * fakes on 127.0.0.1; what the fakes record is what the platform would get. A change to any
 * message shows up here as a diff to review.
 */
import { Bot } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../../test/fakes/fake-discord';
import { startFakeTelegram } from '../../test/fakes/fake-telegram';
import { virtualClock } from '../../test/fakes/virtual-clock';
import { createDiscordNotifier } from './discord/discord-notifier';
import { lineMarkdown } from './discord/markdown';
import { createDiscordRest } from './discord/rest';
import { summaryDoc } from './format/summary-doc';
import { RateLimiter } from './rate-limit';
import { createTelegramNotifier } from './telegram/telegram-notifier';
import { alertMessage, digestData, followUp } from './testdata/messages';
import type { AlertMessage, AlertSummary, Notifier } from './types';

const BOT_TOKEN = 'fake-discord-bot-token-0123456789';
const CHANNEL = '1234567890123456789';
const TG_TOKEN = '123456:AAFAKEtokenFORtestsONLYxxxxxxxxxxxx';
const TG_CHAT = '-1001234567890';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A first alert, then a follow-up from the story's first international outlet. */
function story(): { first: AlertMessage; milestone: (remoteId: string | null) => AlertMessage } {
  const first = alertMessage();
  return {
    first,
    milestone: (remoteId) => {
      const f = followUp(first, remoteId, { outlet: 'BBC News', scope: 'international', title: 'Serbia: face recognition cameras in Belgrade', url: 'https://bbc.example/news/1' });
      f.milestones = [
        { kind: 'first-international', outlet: 'BBC News' },
        { kind: 'outlets', n: 2, outlets: ['Example Vesti', 'BBC News'] },
      ];
      return f;
    },
  };
}

function burst(): AlertSummary {
  const a = alertMessage({ alertId: 11, article: { id: 11, title: 'Nove kamere na Slaviji', url: 'https://a.example/11' } });
  const b = alertMessage({ alertId: 12, article: { id: 12, title: 'Huawei i „Sigurni grad“', url: 'https://b.example/12', outlet: 'N1', scope: 'domestic' } });
  const c = followUp(a, null, { outlet: 'Danas', url: 'https://danas.example/13', title: 'Kamere na Slaviji: reakcije' });
  c.story.outlets = ['Example Vesti', 'Danas', 'Nova'];
  return { language: 'sr-Latn', alerts: [a, b, c] };
}

async function run(notifier: Notifier, pace: () => Promise<void>) {
  const s = story();
  const { remoteId } = await notifier.send(s.first, { nonce: 'nw-a1', pace });
  await notifier.send(s.milestone(remoteId), { nonce: 'nw-a2', pace });
  await notifier.sendSummary(burst(), { nonce: 'nw-s11', pace });
  await notifier.sendDigest({ language: 'sr-Latn', digest: digestData({ articles: 23, previous: { articles: 14, stories: 9 } }) }, { nonce: 'nw-d1', pace });
}

describe('alert payloads', () => {
  it('Discord (bot): new alert, milestone edit and reply, burst summary, digest', async () => {
    const clock = virtualClock();
    const fake = await startFakeDiscord({ now: clock.now, botToken: BOT_TOKEN, channels: { [CHANNEL]: '999' } });
    closers.push(fake.close);
    const notifier = createDiscordNotifier({ name: 'discord', rest: createDiscordRest({ api: fake.url, token: BOT_TOKEN }), destination: { kind: 'channel', channelId: CHANNEL } });
    const limiter = new RateLimiter(clock);
    await run(notifier, () => limiter.acquire(notifier.limits));
    const requests = fake.requests.map((r) => ({ method: r.method, path: r.path, body: r.body }));
    expect(requests.map((r) => `${r.method} ${r.path.replace(/\/\d{6,}$/, '/:first')}`)).toEqual([
      `POST /api/v10/channels/${CHANNEL}/messages`,
      `PATCH /api/v10/channels/${CHANNEL}/messages/:first`,
      `POST /api/v10/channels/${CHANNEL}/messages`,
      `POST /api/v10/channels/${CHANNEL}/messages`,
      `POST /api/v10/channels/${CHANNEL}/messages`,
    ]);
    expect(requests).toMatchSnapshot();
  });

  it('Telegram: new alert, milestone edit and reply, burst summary, digest', async () => {
    const clock = virtualClock();
    const fake = await startFakeTelegram({ token: TG_TOKEN, now: clock.now });
    closers.push(fake.close);
    const bot = new Bot(TG_TOKEN, { client: { apiRoot: fake.apiRoot } });
    const notifier = createTelegramNotifier({ name: 'telegram', api: bot.api, chatId: TG_CHAT });
    const limiter = new RateLimiter(clock);
    await run(notifier, () => limiter.acquire(notifier.limits));
    const calls = fake.calls.map((c) => ({ method: c.method, body: c.body }));
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'editMessageText', 'sendMessage', 'sendMessage', 'sendMessage']);
    expect(fake.visible(TG_CHAT).every((t) => !t.startsWith('INVALID'))).toBe(true);
    expect(calls).toMatchSnapshot();
  });
});

describe('Discord markdown of a burst summary', () => {
  it('writes the follow-up line so that Discord renders it as intended', () => {
    const lines = summaryDoc(burst()).map(lineMarkdown);
    expect(lines).toEqual([
      '**Nadzor Watch: 3 nova upozorenja odjednom**',
      '*Stiglo je više upozorenja nego što ovaj čat prima odjednom, pa su sabrana u jednu poruku.*',
      '',
      '• [Nove kamere na Slaviji](<https://a.example/11>) — 🇷🇸 Example Vesti',
      '• [Huawei i „Sigurni grad“](<https://b.example/12>) — 🇷🇸 N1',
      '↳ [Kamere na Slaviji: reakcije](<https://danas.example/13>) — 🇷🇸 Danas · *Prenelo još 2 medija: Example Vesti, Nova*',
    ]);
    // Discord's rules: emphasis opens on a non-space and closes after one ("*   x*" is a list
    // bullet and a stray asterisk), and no line starts like a list or a heading.
    for (const line of lines) {
      for (const [, inner] of line.matchAll(/(?<!\\)\*{1,2}(.*?[^\\])\*{1,2}/g)) expect(inner.trim()).toBe(inner);
      expect(line).not.toMatch(/^\s*([-*+]|#{1,3}|\d+\.)\s/);
    }
    // The old layout broke that rule.
    expect('*   Prenelo još 2 medija*'.match(/(?<!\\)\*{1,2}(.*?[^\\])\*{1,2}/)?.[1]).toBe('   Prenelo još 2 medija');
  });
});
