import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../../test/fakes/fake-discord';
import { alertMessage, followUp } from '../testdata/messages';
import { createDiscordNotifier } from './discord-notifier';
import { createDiscordRest } from './rest';

const CHANNEL = '1234567890123456789';
const HOOK = { id: '1111111111111111111', token: 'webhook-token-abc' };
let fake: FakeDiscord;
afterEach(async () => {
  await fake?.close();
});

async function webhookNotifier() {
  fake = await startFakeDiscord({ webhooks: { [HOOK.id]: { token: HOOK.token, channelId: CHANNEL, guildId: '9' } } });
  return createDiscordNotifier({ name: 'discord', rest: createDiscordRest({ api: fake.url }), destination: { kind: 'webhook', ...HOOK } });
}

describe('Discord notifier', () => {
  it('posts to a webhook with wait=true, no auth header and no nonce (webhooks take none)', async () => {
    const notifier = await webhookNotifier();
    const { remoteId } = await notifier.send(alertMessage(), { nonce: 'nw-a1' });
    const [req] = fake.requests;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(`/api/v10/webhooks/${HOOK.id}/${HOOK.token}`);
    expect(req.query.get('wait')).toBe('true');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.body).toMatchObject({ allowed_mentions: { parse: [] }, embeds: [{ title: 'Kamere sa prepoznavanjem lica u Beogradu' }] });
    expect(req.body).not.toHaveProperty('nonce');
    expect(remoteId).toBe(fake.messages[0].id);
    expect(notifier.idempotent).toBe(false);
  });

  it('edits the webhook message for a follow-up, and posts anew when it was deleted', async () => {
    const notifier = await webhookNotifier();
    const first = alertMessage();
    const { remoteId } = await notifier.send(first);
    await notifier.send(followUp(first, remoteId));
    expect(fake.requests[1]).toMatchObject({ method: 'PATCH', path: `/api/v10/webhooks/${HOOK.id}/${HOOK.token}/messages/${remoteId}` });
    const edited = fake.requests[1].body as { embeds: Array<{ fields: Array<{ name: string; value: string }> }> };
    expect(edited.embeds[0].fields.at(-1)).toEqual({ name: 'Priča', value: 'Preneo još 1 medij: Drugi Portal', inline: false });

    await notifier.send(followUp(first, '1399999999999999999'));
    expect(fake.messages).toHaveLength(2);
    expect(fake.messages[1].body).toMatchObject({ embeds: [{ author: { name: 'Nastavak priče' }, title: 'Beograd: kamere i prepoznavanje lica' }] });
  });

  it('folds a burst of 50 into a single message of embeds', async () => {
    const notifier = await webhookNotifier();
    const alerts = Array.from({ length: 50 }, (_, i) =>
      alertMessage({ alertId: i + 1, article: { title: `Kamere: vest broj ${i + 1} iz jednog od gradova Srbije`, url: `https://example.rs/vesti/${i + 1}` } }),
    );
    await notifier.sendSummary({ language: 'sr-Latn', alerts }, { nonce: 'nw-s1' });
    expect(fake.messages).toHaveLength(1);
    const embeds = fake.messages[0].body.embeds as Array<{ description: string }>;
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds.map((e) => e.description).join('\n').match(/vest broj \d+/g)).toHaveLength(50);
  });

  it('sends the nonce with enforce_nonce from a bot, and the fake returns the first message on a repeat', async () => {
    fake = await startFakeDiscord({ botToken: 'fake-bot-token-0123456789', channels: { [CHANNEL]: '9' } });
    const notifier = createDiscordNotifier({
      name: 'discord',
      rest: createDiscordRest({ api: fake.url, token: 'fake-bot-token-0123456789' }),
      destination: { kind: 'channel', channelId: CHANNEL },
    });
    const a = await notifier.send(alertMessage(), { nonce: 'nw-a7' });
    const b = await notifier.send(alertMessage(), { nonce: 'nw-a7' });
    expect(b.remoteId).toBe(a.remoteId);
    expect(fake.messages).toHaveLength(1);
    expect(fake.requests[0].body).toMatchObject({ nonce: 'nw-a7', enforce_nonce: true });
    expect(notifier.idempotent).toBe(true);
  });

  it('reports a deleted webhook as unavailable, not as a bad message', async () => {
    fake = await startFakeDiscord({ webhooks: {} });
    const notifier = createDiscordNotifier({ name: 'discord', rest: createDiscordRest({ api: fake.url }), destination: { kind: 'webhook', ...HOOK } });
    const err = await notifier.send(alertMessage()).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unavailable', status: 404 });
    expect(String((err as Error).message)).not.toContain(HOOK.token);
  });
});
