import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { plainLine, type Doc } from '../notify/format/rich';
import { notifyRepos } from '../notify/repos';
import { createAlertRouting } from '../notify/routing';
import type { Storage } from '../storage/index';
import { article, classification, feedEntry, tempStorage } from '../storage/testdata/temp-storage';
import { runCommand, topicCounts, topOutlets, type ChatContext, type CommandInput } from './index';

const NOW = new Date('2025-03-10T12:00:00.000Z');
const text = (doc: Doc) => doc.map(plainLine).join('\n');

async function world(env: Record<string, string> = { TELEGRAM_BOT_TOKEN: '123456:AAFAKEtokenFORtestsONLYxxxxxxxxxxxx', TELEGRAM_CHAT_ID: '-1001' }) {
  const { storage } = await tempStorage();
  const routing = createAlertRouting(storage, loadConfig(env));
  const lookups: string[] = [];
  const deps = {
    storage,
    routing,
    now: () => NOW,
    lookup: async (host: string) => {
      lookups.push(host);
      return host === 'intranet.example' ? ['192.168.0.10'] : ['93.184.216.34'];
    },
  };
  const chat = (over: Partial<ChatContext> = {}): ChatContext => ({
    platform: 'telegram',
    chatId: '-1001',
    isPrivate: false,
    userId: '5',
    isAdmin: async () => false,
    canManageFeeds: async () => false,
    ...over,
  });
  const run = async (input: CommandInput, c: ChatContext = chat()) => text((await runCommand(input, c, deps)).doc);
  return { storage, routing, chat, run, lookups };
}

async function seedCoverage(storage: Storage) {
  const story = await storage.stories.create('Kamere', '2025-03-08T10:00:00Z', [1]);
  const rows = [
    { n: 1, outlet: 'N1', scope: 'domestic' as const, storyId: story, published: '2025-03-08T10:00:00.000Z' },
    { n: 2, outlet: 'Danas', scope: 'domestic' as const, storyId: story, published: '2025-03-08T11:00:00.000Z' },
    { n: 3, outlet: 'BBC', scope: 'international' as const, storyId: null, published: '2025-03-09T09:00:00.000Z' },
    { n: 4, outlet: 'N1', scope: 'domestic' as const, storyId: null, published: '2025-02-01T09:00:00.000Z' },
  ];
  for (const r of rows) await storage.articles.insert(article(r.n, { outlet: r.outlet, scope: r.scope, storyId: r.storyId, published: r.published, title: `Naslov ${r.n} <b>` }));
  await storage.articles.insert(article(5, { published: '2025-03-09T09:00:00.000Z', classification: classification({ relevant: false }) }));
}

describe('commands', () => {
  it('/start explains the bot in Serbian and English', async () => {
    const { run } = await world();
    const out = await run({ name: 'start' });
    expect(out).toContain('Nadzor Watch prati vesti o biometrijskom nadzoru u Srbiji');
    expect(out).toContain('Nadzor Watch follows the news about biometric surveillance in Serbia');
    expect(out).toContain('/subscribe');
  });

  it('/latest lists the newest relevant articles', async () => {
    const { storage, run } = await world();
    expect(await run({ name: 'latest' })).toBe('Još nema sačuvanih relevantnih članaka.');
    await seedCoverage(storage);
    const out = await run({ name: 'latest', n: 2 });
    expect(out.split('\n')).toEqual([
      'Najnoviji članci (2)',
      '1. Naslov 3 <b> https://example.rs/a/3?utm_source=rss — 🌍 BBC, 9. 3. 2025. 10:00',
      '2. Naslov 2 <b> https://example.rs/a/2?utm_source=rss — 🇷🇸 Danas, 8. 3. 2025. 12:00',
    ]);
  });

  it('/coverage counts articles and stories, domestic vs international, and top outlets', async () => {
    const { storage, run } = await world();
    await seedCoverage(storage);
    expect((await run({ name: 'coverage' })).split('\n')).toEqual([
      'Pokrivenost, poslednjih 7 dana',
      '3 članka, 2 priče (domaći: 2 · strani: 1)',
      'Najaktivniji mediji: BBC 1, Danas 1, N1 1',
    ]);
    expect(await run({ name: 'coverage', days: 60 })).toContain('4 članka, 3 priče (domaći: 3 · strani: 1)');
  });

  it('/why shows the verdict and the reasons for a stored article, by either URL', async () => {
    const { storage, run } = await world();
    await seedCoverage(storage);
    const out = await run({ name: 'why', url: 'https://example.rs/a/1' });
    expect(out).toContain('Relevantan, ocena 0,90');
    expect(out).toContain('#kamere #prepoznavanje_lica');
    expect(out).toContain('• prepoznavanje lica');
    expect(out).toContain('Priču prenose: N1, Danas');
    expect(await run({ name: 'why', url: 'https://example.rs/a/1?utm_source=rss' })).toContain('Relevantan');
    expect(await run({ name: 'why', url: 'https://nowhere.example/x' })).toBe('Nijedan sačuvan članak nema taj link.');
    expect(await run({ name: 'why' })).toBe('Upotreba: /why <link članka>');
  });

  it('/why says which text the decision used, and why the article page was not read', async () => {
    const { storage, run } = await world();
    await storage.articles.insert(article(7, { text: '', body: 'Kamere na Slaviji ...', pageStatus: 'ok', decidedOn: 'title+lead+page' }));
    await storage.articles.insert(article(8, { text: '', pageStatus: 'robots', decidedOn: 'title' }));
    expect(await run({ name: 'why', url: 'https://example.rs/a/7' })).toContain('Odluka doneta na osnovu naslova, teksta iz feeda i stranice članka');
    const out = await run({ name: 'why', url: 'https://example.rs/a/8' });
    expect(out).toContain('Odluka doneta na osnovu naslova (feed nema tekst)');
    expect(out).toContain('Stranica članka nije pročitana (robots), pa odlučuje tekst iz feeda');
  });

  it('/subscribe needs a chat admin in a group, and saves settings that routing then uses', async () => {
    const { storage, routing, chat, run } = await world();
    expect(await run({ name: 'subscribe', mode: 'weekly' }, chat({ chatId: '-2002' }))).toBe('To mogu samo administratori ovog čata.');
    const out = await run({ name: 'subscribe', mode: 'weekly', language: 'en', topics: ['law'], minScore: 0.8 }, chat({ chatId: '-2002', isAdmin: async () => true }));
    expect(out.split('\n')).toEqual([
      'Subscription saved.',
      'Mode: weekly digest',
      'Topics: Law on Internal Affairs',
      'Language: English',
      'Minimum score: 0.80',
      'A short reply when a story reaches 5 outlets and its first international outlet',
    ]);
    expect(await notifyRepos(storage).subscriptions.get('telegram:-2002')).toMatchObject({ mode: 'weekly', topics: ['law'], minScore: 0.8 });
    // Only the settings given change.
    await run({ name: 'subscribe', mode: 'instant' }, chat({ chatId: '-2002', isAdmin: async () => true }));
    expect(await routing.subscriptionFor('telegram:-2002')).toMatchObject({ mode: 'instant', topics: ['law'], language: 'en' });
    const milestones = await run({ name: 'subscribe', milestoneOutlets: 3 }, chat({ chatId: '-2002', isAdmin: async () => true }));
    expect(milestones).toContain('A short reply when a story reaches 3 outlets and its first international outlet');
    expect(await routing.subscriptionFor('telegram:-2002')).toMatchObject({ mode: 'instant', topics: ['law'], milestoneOutlets: 3 });
    expect(await routing.targetsFor({}, classification({ topics: ['law'] }))).toContain('telegram:-2002');
  });

  it('/subscribe in a private chat needs no admin check, and reports arguments it cannot read', async () => {
    const { chat, run } = await world();
    const dm = chat({ chatId: '77', isPrivate: true });
    expect(await run({ name: 'subscribe', unknown: ['hourly'] }, dm)).toContain('Ne razumem „hourly“.');
    expect(await run({ name: 'subscribe', language: 'sr-Cyrl' }, dm)).toContain('Претплата сачувана.');
    expect(await run({ name: 'latest' }, dm)).toBe('Још нема сачуваних релевантних чланака.');
  });

  it('/unsubscribe turns a chat off and keeps its language; the configured chat can opt out too', async () => {
    const { routing, chat, run } = await world();
    const dm = chat({ chatId: '77', isPrivate: true });
    expect(await run({ name: 'unsubscribe' }, dm)).toBe('Ovaj čat nije pretplaćen.');
    await run({ name: 'subscribe', language: 'en' }, dm);
    expect(await run({ name: 'unsubscribe' }, dm)).toBe('Unsubscribed: this chat gets no more alerts or digests.');
    expect(await routing.subscriptionFor('telegram:77')).toMatchObject({ mode: 'off', language: 'en' });
    expect(await run({ name: 'unsubscribe' }, chat({ isAdmin: async () => true }))).toContain('Pretplata je otkazana');
    expect(await routing.targetsFor({}, classification())).toEqual(['console']);
  });

  it('/feeds lists for a group\'s admins only; in a private chat outlet names, addresses for project admins', async () => {
    const { storage, routing, chat, run } = await world();
    await storage.feeds.upsertFromRegistry([feedEntry(1, { outlet: 'N1 <i>', url: 'https://feeds.example/1.xml?key=secret' })]);
    const full = 'Izvori (1)\n🇷🇸 N1 <i> https://feeds.example/1.xml?key=secret (još nije pročitan)';
    // A group: a member who is not an administrator is refused, an administrator gets it all.
    expect(await run({ name: 'feeds', action: 'list' })).toBe('To mogu samo administratori ovog čata.');
    const reply = await runCommand({ name: 'feeds', action: 'list' }, chat({ isAdmin: async () => true }), { storage, routing });
    expect(reply.ephemeral).toBe(true);
    expect(await run({ name: 'feeds', action: 'list' }, chat({ isAdmin: async () => true }))).toBe(full);
    // A private chat with anyone: names and health, no addresses.
    const stranger = chat({ chatId: '77', isPrivate: true, isAdmin: async () => true, canManageFeeds: async () => false });
    const names = await run({ name: 'feeds', action: 'list' }, stranger);
    expect(names).toBe('Izvori (1)\n🇷🇸 N1 <i> (još nije pročitan)\nLinkove izvora vide samo administratori projekta.');
    expect(names).not.toContain('feeds.example');
    // A private chat with an administrator of the project's chat: everything.
    expect(await run({ name: 'feeds', action: 'list' }, chat({ chatId: '78', isPrivate: true, canManageFeeds: async () => true }))).toBe(full);
  });

  it('/feeds add and remove need the project chat\'s admins', async () => {
    const { storage, chat, run, lookups } = await world();
    await storage.feeds.upsertFromRegistry([feedEntry(1, { outlet: 'N1 <i>' })]);
    expect(await run({ name: 'feeds', action: 'add', url: 'https://novi.example/rss' })).toBe('To mogu samo administratori ovog čata.');
    expect(lookups).toEqual([]);

    const admin = chat({ canManageFeeds: async () => true });
    expect(await run({ name: 'feeds', action: 'add', url: 'https://novi.example/rss', scope: 'international', outlet: 'Novi' }, admin)).toBe(
      'Dodat izvor „Novi“: https://novi.example/rss',
    );
    expect(await storage.feeds.get('https://novi.example/rss')).toMatchObject({ outlet: 'Novi', scope: 'international', active: true });
    expect(await run({ name: 'feeds', action: 'remove', url: 'https://feeds.example/1.xml' }, admin)).toBe('Izvor uklonjen: https://feeds.example/1.xml');
    expect(await run({ name: 'feeds', action: 'remove', url: 'https://feeds.example/1.xml' }, admin)).toBe('Nema aktivnog izvora sa tim linkom.');
  });

  it('/feeds add refuses private addresses and non-http URLs', async () => {
    const { storage, chat, run } = await world();
    const admin = chat({ canManageFeeds: async () => true });
    expect(await run({ name: 'feeds', action: 'add', url: 'http://intranet.example/rss' }, admin)).toBe(
      'Ta adresa vodi na lokalnu ili privatnu mrežu (192.168.0.10); takvi izvori nisu dozvoljeni.',
    );
    expect(await run({ name: 'feeds', action: 'add', url: 'http://127.0.0.1:8787/api' }, admin)).toContain('(127.0.0.1)');
    expect(await run({ name: 'feeds', action: 'add', url: 'file:///etc/passwd' }, admin)).toBe('Link izvora mora biti http ili https adresa.');
    expect(await storage.feeds.list()).toEqual([]);
  });

  // SQLite orders text by bytes (BINARY); the same order on PostgreSQL whatever its collation.
  it('ranks outlets and topics with equal counts in byte order', async () => {
    const { storage } = await tempStorage();
    const outlets = ['b92', 'Čačak', 'Danas', 'Zrenjanin'];
    for (const [i, outlet] of outlets.entries()) {
      await storage.articles.insert(article(i + 1, { outlet, published: '2025-03-08T10:00:00.000Z', classification: classification({ topics: [outlet as never] }) }));
    }
    const since = '2025-03-01T00:00:00.000Z';
    expect((await topOutlets(storage, { since })).map((o) => o.outlet)).toEqual(['Danas', 'Zrenjanin', 'b92', 'Čačak']);
    expect((await topicCounts(storage, { since })).map((t) => t.topic)).toEqual(['Danas', 'Zrenjanin', 'b92', 'Čačak']);
  });
});
