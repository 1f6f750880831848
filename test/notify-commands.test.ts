/**
 * Bot commands end to end: Telegram updates driven through grammY's handleUpdate, Discord
 * slash commands through real discord.js interaction objects, both answered by the real
 * adapters against the fake servers. Admin checks and the private-address guard included.
 */
import { ChatInputCommandInteraction, Client, PermissionFlagsBits, type APIChatInputApplicationCommandInteraction } from 'discord.js';
import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_TITLE } from '../bot/notify/testdata/messages';
import { notifyRepos } from '../bot/notify/repos';
import { article } from '../bot/storage/testdata/fixtures';
import { FAKE_BOT_USER } from './fakes/fake-telegram';
import { IDS, notifyWorld, type NotifyWorld } from './fakes/notify-world';
import { parseTelegramHtml } from './fakes/telegram-html';

let world: NotifyWorld;
afterEach(async () => {
  await world?.close();
});

const lookup = async (host: string) => (host === 'router.lan' ? ['192.168.1.1'] : ['93.184.216.34']);

describe('Telegram commands (grammY handleUpdate)', () => {
  let updateId = 1;
  const GROUP = -1009999;
  const USER = 5;

  beforeEach(async () => {
    world = await notifyWorld({ lookup });
    await world.runtime.telegramBot!.init();
  });

  function message(chat: { id: number; type: 'private' | 'supergroup' | 'channel'; username?: string }, text: string, from: number | null = USER, extra: object = {}): Update {
    const command = text.split(' ')[0];
    const msg = {
      message_id: updateId,
      date: 1741600000,
      chat: chat.type === 'private' ? { id: chat.id, type: 'private', first_name: 'Ana' } : { id: chat.id, type: chat.type, title: 'Aktivisti', username: chat.username },
      ...(from !== null ? { from: { id: from, is_bot: false, first_name: 'Ana', language_code: 'sr' } } : {}),
      text,
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
      ...extra,
    };
    return (chat.type === 'channel' ? { update_id: updateId++, channel_post: msg } : { update_id: updateId++, message: msg }) as Update;
  }

  /** Sends an update and returns the bot's replies as members see them (parsed HTML). */
  async function say(update: Update): Promise<string[]> {
    const before = world.telegram.messages.length;
    await world.runtime.telegramBot!.handleUpdate(update);
    return world.telegram.messages.slice(before).map((m) => {
      expect(m.payload.parse_mode).toBe('HTML');
      const p = parseTelegramHtml(m.html);
      return p.ok ? p.text : `INVALID ${p.error}`;
    });
  }

  it('/start explains the bot in Serbian and English', async () => {
    const [reply] = await say(message({ id: USER, type: 'private' }, '/start'));
    expect(reply).toContain('Nadzor Watch prati vesti o biometrijskom nadzoru');
    expect(reply).toContain('Nadzor Watch follows the news about biometric surveillance');
    expect(world.telegram.messages[0].chatId).toBe(String(USER));
  });

  it('/latest escapes feed text; /latest@bot works in groups', async () => {
    world.storage.articles.insert(article(1, { title: HOSTILE_TITLE }));
    const [reply] = await say(message({ id: GROUP, type: 'supergroup' }, `/latest@${FAKE_BOT_USER.username} 3`));
    expect(reply).toContain(HOSTILE_TITLE);
    expect(world.telegram.messages[0].html).toContain('@everyone &lt;b&gt;x&lt;/b&gt; [a](http://evil)');
  });

  it('/why and /coverage answer from storage', async () => {
    world.storage.articles.insert(article(1, { published: new Date(world.clock.now() - 86_400_000).toISOString() }));
    expect((await say(message({ id: USER, type: 'private' }, '/why https://example.rs/a/1')))[0]).toContain('Relevantan, ocena 0,90');
    expect((await say(message({ id: USER, type: 'private' }, '/coverage 3')))[0]).toContain('1 članak, 1 priča');
  });

  it('/subscribe in a group: refused for members, saved for administrators (asked of Telegram)', async () => {
    expect(await say(message({ id: GROUP, type: 'supergroup' }, '/subscribe weekly en law'))).toEqual(['To mogu samo administratori ovog čata.']);
    const check = world.telegram.calls.find((c) => c.method === 'getChatMember')!;
    expect(check.body).toEqual({ chat_id: GROUP, user_id: USER });

    world.telegram.admins[String(GROUP)] = [99, USER];
    const [saved] = await say(message({ id: GROUP, type: 'supergroup' }, '/subscribe weekly en law'));
    expect(saved).toContain('Subscription saved.');
    expect(notifyRepos(world.storage).subscriptions.get(`telegram:${GROUP}`)).toMatchObject({ mode: 'weekly', language: 'en', topics: ['law'] });
    // The chat's language now applies to every reply there.
    expect((await say(message({ id: GROUP, type: 'supergroup' }, '/latest')))[0]).toBe('No relevant articles stored yet.');
  });

  it('knows the configured channel by its @username', async () => {
    await world.close();
    world = await notifyWorld({ lookup, env: { TELEGRAM_CHAT_ID: '@nadzor_kanal' } });
    await world.runtime.telegramBot!.init();
    await say(message({ id: -1005555, type: 'channel', username: 'Nadzor_Kanal' }, '/subscribe weekly', null));
    expect(notifyRepos(world.storage).subscriptions.list().map((x) => [x.target, x.mode])).toEqual([['telegram', 'weekly']]);
  });

  it('treats channel posts and anonymous group admins as administrators', async () => {
    expect((await say(message({ id: -100777, type: 'channel' }, '/subscribe daily', null)))[0]).toContain('Pretplata sačuvana.');
    const anonymous = message({ id: GROUP, type: 'supergroup' }, '/unsubscribe', 1087968824, { sender_chat: { id: GROUP, type: 'supergroup', title: 'Aktivisti' } });
    expect((await say(anonymous))[0]).toBe('Ovaj čat nije pretplaćen.');
    expect(world.telegram.calls.some((c) => c.method === 'getChatMember')).toBe(false);
  });

  it('/feeds add: only administrators of the project chat, and never a private address', async () => {
    const dm = (from: number, text: string) => message({ id: from, type: 'private' }, text, from);
    expect(await say(dm(USER, '/feeds add https://novi.example/rss'))).toEqual(['To mogu samo administratori ovog čata.']);
    expect(world.telegram.calls.at(-2)?.body).toEqual({ chat_id: Number(IDS.chat), user_id: USER });

    expect(await say(dm(IDS.admin, '/feeds add http://router.lan/feed'))).toEqual([
      'Ta adresa vodi na lokalnu ili privatnu mrežu (192.168.1.1); takvi izvori nisu dozvoljeni.',
    ]);
    expect(await say(dm(IDS.admin, '/feeds add http://[::1]/feed'))).toEqual(['Ta adresa vodi na lokalnu ili privatnu mrežu (::1); takvi izvori nisu dozvoljeni.']);
    expect(await say(dm(IDS.admin, '/feeds add https://novi.example/rss strani Novi Portal'))).toEqual(['Dodat izvor „Novi Portal“: https://novi.example/rss']);
    expect(world.storage.feeds.get('https://novi.example/rss')).toMatchObject({ outlet: 'Novi Portal', scope: 'international', active: true });
    // Anyone in a private chat gets the outlet names only; the project chat's admin gets the links.
    const [names] = await say(dm(USER, '/feeds'));
    expect(names).toContain('🌍 Novi Portal (još nije pročitan)');
    expect(names).not.toContain('https://');
    const [list] = await say(dm(IDS.admin, '/feeds'));
    expect(list).toContain('🌍 Novi Portal https://novi.example/rss');
  });

  it('/feeds in a group answers its administrators only', async () => {
    world.telegram.admins[String(GROUP)] = [IDS.admin];
    expect(await say(message({ id: GROUP, type: 'supergroup' }, '/feeds', USER))).toEqual(['To mogu samo administratori ovog čata.']);
    const [list] = await say(message({ id: GROUP, type: 'supergroup' }, '/feeds', IDS.admin));
    expect(list).toMatch(/^Izvori \(\d+\)/);
  });

  it('registers its command list and polls with bot.start(), stopping cleanly', async () => {
    await world.runtime.startCommands();
    await expect.poll(() => world.telegram.calls.filter((c) => c.method === 'getUpdates').length, { timeout: 5_000 }).toBeGreaterThan(0);
    const lists = world.telegram.calls.filter((c) => c.method === 'setMyCommands').map((c) => c.body as { commands: Array<{ command: string }>; language_code?: string });
    expect(lists.map((l) => [l.language_code, l.commands.map((c) => c.command)])).toEqual([
      [undefined, ['start', 'latest', 'coverage', 'why', 'subscribe', 'unsubscribe', 'feeds']],
      ['en', ['start', 'latest', 'coverage', 'why', 'subscribe', 'unsubscribe', 'feeds']],
    ]);
  });
});

describe('Discord slash commands (discord.js interactions)', () => {
  let client: Client;
  let interactionId = 1;

  beforeEach(async () => {
    world = await notifyWorld({ lookup });
    client = new Client({ intents: [], rest: { api: world.discord.url } });
  });
  afterEach(async () => {
    await client.destroy();
  });

  /** A slash command as the gateway would deliver it. */
  function interaction(name: string, options: unknown[] = [], member: { permissions: bigint; guild?: string } = { permissions: 0n }): ChatInputCommandInteraction {
    const user = { id: '4242', username: 'ana', discriminator: '0', global_name: 'Ana', avatar: null };
    const raw = {
      id: String(1500000000000000000n + BigInt(interactionId++)),
      application_id: world.discord.applicationId,
      type: 2,
      token: `interaction-token-${interactionId}`,
      version: 1,
      guild_id: member.guild ?? IDS.guild,
      channel: { id: IDS.channel, type: 0, guild_id: member.guild ?? IDS.guild },
      channel_id: IDS.channel,
      member: { user, roles: [], permissions: String(member.permissions), joined_at: '2024-01-01T00:00:00Z', deaf: false, mute: false, flags: 0 },
      app_permissions: '0',
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: {},
      context: 0,
      data: { id: '1400000000000000001', name, type: 1, options },
    } as unknown as APIChatInputApplicationCommandInteraction;
    // The constructor is internal to discord.js; the gateway calls it exactly like this.
    return new (ChatInputCommandInteraction as unknown as new (c: Client, d: unknown) => ChatInputCommandInteraction)(client, raw);
  }

  const replies = () => world.discord.interactionReplies;

  it('/latest replies with escaped markdown and no mentions', async () => {
    world.storage.articles.insert(article(1, { title: HOSTILE_TITLE }));
    await world.runtime.handleDiscordCommand!(interaction('latest', [{ name: 'n', type: 4, value: 3 }]));
    expect(replies()).toHaveLength(1);
    const { kind, body } = replies()[0];
    expect(kind).toBe('callback');
    expect(body).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] } } });
    const content = (body.data as { content: string }).content;
    expect(content).toContain('[\\@everyone \\<b\\>x\\</b\\> \\[a\\]\\(http://evil\\)](<https://example.rs/a/1?utm_source=rss>)');
  });

  it('/subscribe needs Manage Server; refusals are visible only to the asker', async () => {
    const options = [
      { name: 'mode', type: 3, value: 'weekly' },
      { name: 'language', type: 3, value: 'sr-Cyrl' },
      { name: 'min_score', type: 10, value: 0.75 },
      { name: 'topics', type: 3, value: 'law, cameras' },
    ];
    await world.runtime.handleDiscordCommand!(interaction('subscribe', options));
    expect(replies()[0].body).toEqual({
      type: 4,
      data: expect.objectContaining({ content: 'To mogu samo administratori ovog čata.', flags: 64, allowed_mentions: { parse: [] } }),
    });
    await world.runtime.handleDiscordCommand!(interaction('subscribe', options, { permissions: PermissionFlagsBits.ManageGuild }));
    expect((replies()[1].body.data as { content: string }).content).toContain('Претплата сачувана');
    // The configured channel subscribed: its own settings now replace the defaults.
    expect(world.runtime.routing.subscriptionFor('discord')).toMatchObject({ mode: 'weekly', language: 'sr-Cyrl', minScore: 0.75, topics: ['law', 'cameras'] });
  });

  it('/feeds add: Manage Server in the project guild only; private addresses refused', async () => {
    const add = (url: string) => [{ name: 'add', type: 1, options: [{ name: 'url', type: 3, value: url }] }];
    const admin = { permissions: PermissionFlagsBits.ManageGuild };
    await world.runtime.handleDiscordCommand!(interaction('feeds', add('https://novi.example/rss'), { ...admin, guild: '1111111111111111111' }));
    await world.runtime.handleDiscordCommand!(interaction('feeds', add('http://router.lan/rss'), admin));
    await world.runtime.handleDiscordCommand!(interaction('feeds', add('https://novi.example/rss'), admin));
    // Each: a deferred reply, then the answer as an edit of it.
    expect(replies().map((r) => [r.kind, (r.body.data as { content?: string } | undefined)?.content ?? r.body.content])).toEqual([
      ['callback', undefined],
      ['edit', 'To mogu samo administratori ovog čata.'],
      ['callback', undefined],
      ['edit', 'Ta adresa vodi na lokalnu ili privatnu mrežu \\(192.168.1.1\\); takvi izvori nisu dozvoljeni.'],
      ['callback', undefined],
      ['edit', 'Dodat izvor „novi.example“: https://novi.example/rss'],
    ]);
    expect(world.storage.feeds.get('https://novi.example/rss')?.active).toBe(true);
    // The project guild came from the configured channel, looked up over REST once.
    expect(world.discord.requests.filter((r) => r.path === `/api/v10/channels/${IDS.channel}` && r.method === 'GET')).toHaveLength(1);
  });

  it('/feeds (the list) answers only those with Manage Server, visible only to them', async () => {
    const list = [{ name: 'list', type: 1 }];
    await world.runtime.handleDiscordCommand!(interaction('feeds', list));
    await world.runtime.handleDiscordCommand!(interaction('feeds', list, { permissions: PermissionFlagsBits.ManageGuild }));
    const [member, admin] = replies().map((r) => r.body.data as { content: string; flags?: number });
    expect(member).toMatchObject({ content: 'To mogu samo administratori ovog čata.', flags: 64 });
    expect(admin.content).toMatch(/^\*\*Izvori \\\(\d+\\\)\*\*/);
    expect(admin.flags).toBe(64);
  });

  it('in the channel a webhook posts to, /subscribe changes that destination, not a second one', async () => {
    await world.close();
    world = await notifyWorld({
      lookup,
      env: { DISCORD_CHANNEL_ID: '', DISCORD_WEBHOOK_URL: `https://discord.com/api/webhooks/${IDS.webhook.id}/${IDS.webhook.token}` },
    });
    client = new Client({ intents: [], rest: { api: world.discord.url } });
    await world.runtime.handleDiscordCommand!(interaction('subscribe', [{ name: 'mode', type: 3, value: 'daily' }], { permissions: PermissionFlagsBits.ManageGuild }));
    expect(notifyRepos(world.storage).subscriptions.list().map((x) => [x.target, x.mode])).toEqual([['discord', 'daily']]);
    expect(world.runtime.routing.targetsFor({}, { relevant: true, score: 0.9, topics: [], reasons: [], lang: 'sr', script: 'Latn' })).toEqual(['console', 'telegram']);
  });

  it('registers the slash commands over REST', async () => {
    await world.runtime.startCommands();
    const names = world.discord.commands.map((c) => (c as { name: string }).name);
    expect(names).toEqual(['latest', 'coverage', 'why', 'subscribe', 'unsubscribe', 'feeds']);
  });
});
