import { Bot } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../../test/fakes/fake-telegram';
import { alertMessage, followUp } from '../testdata/messages';
import { createTelegramNotifier, telegramLimits } from './telegram-notifier';

const TOKEN = '123456:AAFAKEtokenFORtestsONLYxxxxxxxxxxxx';
let fake: FakeTelegram;
afterEach(async () => {
  await fake?.close();
});

async function notifier(chatId = '42') {
  fake = await startFakeTelegram({ token: TOKEN, toleranceMs: 1_000 });
  return createTelegramNotifier({ name: 'telegram', api: new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } }).api, chatId });
}

describe('Telegram notifier', () => {
  it('has the per-chat, per-group and overall limits', () => {
    expect(telegramLimits('42').map((w) => [w.key, w.limit, w.windowMs])).toEqual([
      ['telegram:chat:42', 1, 1000],
      ['telegram:bot', 30, 1000],
    ]);
    expect(telegramLimits('-100123').map((w) => w.key)).toEqual(['telegram:chat:-100123', 'telegram:chat:-100123:minute', 'telegram:bot']);
  });

  it('edits the first message for a follow-up, and treats "not modified" as done', async () => {
    const n = await notifier();
    const first = alertMessage();
    const { remoteId } = await n.send(first);
    expect(await n.send(followUp(first, remoteId))).toEqual({ remoteId });
    expect(await n.send(followUp(first, remoteId))).toEqual({ remoteId });
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0].edits).toHaveLength(1);
    expect(fake.calls.map((c) => c.method)).toEqual(['sendMessage', 'editMessageText', 'editMessageText']);
  });

  it('posts the follow-up anew when the first message is gone', async () => {
    const n = await notifier();
    await n.send(followUp(alertMessage(), '999'));
    expect(fake.calls.map((c) => c.method)).toEqual(['editMessageText', 'sendMessage']);
    expect(fake.messages[0].text).toContain('↳ Nastavak priče');
  });

  it('reports a missing chat as unavailable and an unparsable message as rejected', async () => {
    const n = await notifier();
    fake.failNext('sendMessage', { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } });
    await expect(n.send(alertMessage())).rejects.toMatchObject({ kind: 'unavailable', status: 400 });
    fake.failNext('sendMessage', { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: can't parse entities" } });
    await expect(n.send(alertMessage())).rejects.toMatchObject({ kind: 'rejected' });
    fake.failNext('sendMessage', { status: 0, destroy: true });
    await expect(n.send(alertMessage())).rejects.toMatchObject({ kind: 'transient' });
  });
});
