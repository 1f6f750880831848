import { describe, expect, it } from 'vitest';
import { latinToCyrillic } from '../../shared/text/transliterate';
import { tempStorage } from '../storage/testdata/temp-storage';
import { createProcessor, type IncomingItem, type SourceFeed } from './processor';

const NOW = new Date('2026-05-10T12:00:00Z');
const feed: SourceFeed = { url: 'https://danas.example/rss', outlet: 'Danas', scope: 'domestic', language: 'sr' };
const other: SourceFeed = { url: 'https://rts.example/rss', outlet: 'RTS', scope: 'domestic', language: 'sr' };

const WIRE_TITLE = 'MUP postavlja nove kamere sa prepoznavanjem lica u Beogradu';
const WIRE_TEXT =
  'Ministarstvo unutrašnjih poslova Srbije postavlja stotine novih kamera sa softverom za prepoznavanje lica na beogradskim raskrsnicama, saopštio je Poverenik.';

function item(n: number, over: Partial<IncomingItem> = {}): IncomingItem {
  return {
    id: `guid-${n}`,
    url: `https://danas.example/clanak/${n}`,
    title: WIRE_TITLE,
    summary: WIRE_TEXT,
    content: '',
    published: '2026-05-10T11:00:00.000Z',
    updated: null,
    author: null,
    enclosures: [],
    ...over,
  };
}

const boring = (n: number, over: Partial<IncomingItem> = {}) =>
  item(n, { title: `Vremenska prognoza za vikend ${n}`, summary: 'Sunčano i toplo u celoj zemlji, bez padavina.', ...over });

async function setup(options: { minScore?: number } = {}) {
  const { storage } = await tempStorage();
  const processor = createProcessor({ storage, now: () => NOW, backlogHours: 24, ...options });
  return { storage, processor };
}

describe('processor', () => {
  it('stores and classifies every item, and alerts the relevant new one once', async () => {
    const { storage, processor } = await setup();
    const r = await processor.processItems(feed, [item(1), boring(2)], { firstRead: false });
    expect(r).toMatchObject({ seen: 2, stored: 2, relevant: 1, alerts: 1, duplicates: 0 });
    expect(await storage.alerts.pendingCount()).toBe(1);
    const again = await processor.processItems(feed, [item(1), boring(2)], { firstRead: false });
    expect(again).toMatchObject({ stored: 0, duplicates: 2, alerts: 0 });
    expect(await storage.alerts.pendingCount()).toBe(1);
  });

  it('de-duplicates by guid, by canonical URL and by content within an outlet', async () => {
    const { processor } = await setup();
    await processor.processItems(feed, [item(1)], { firstRead: false });
    const byGuid = await processor.processItem(feed, item(1, { url: 'https://danas.example/other' }), false);
    const byUrl = await processor.processItem(feed, item(2, { url: 'https://danas.example/clanak/1' }), false);
    const byContent = await processor.processItem(feed, item(3, { url: 'https://danas.example/clanak/3' }), false);
    expect([byGuid.duplicate, byUrl.duplicate, byContent.duplicate]).toEqual([true, true, true]);
  });

  it('honours the backlog rule on a first read', async () => {
    const { processor } = await setup();
    const old = item(1, { published: '2026-05-01T10:00:00.000Z' });
    const undated = item(2, { published: null, title: 'Kamere za prepoznavanje lica na Novom Beogradu', summary: 'MUP Srbije potvrdio je postavljanje kamera.' });
    const fresh = item(3, { title: 'Poverenik: kamere za prepoznavanje lica u Nišu bez procene uticaja', summary: 'Grad Niš u Srbiji nabavlja kamere.' });
    const r = await processor.processItems(feed, [old, undated, fresh], { firstRead: true });
    expect(r).toMatchObject({ stored: 3, relevant: 3, backlog: 2, alerts: 1 });
    // After the first read, an old item that appears is new to us and is alerted.
    const later = await processor.processItem(feed, item(4, { published: '2026-05-01T10:00:00.000Z', title: 'Beograd: nove kamere sa prepoznavanjem lica na Slaviji', summary: 'MUP Srbije proširuje video nadzor.' }), false);
    expect(later.alerted).toBe(1);
  });

  it('groups a Latin and a Cyrillic copy of one wire story, and makes the second a follow-up', async () => {
    const { storage, processor } = await setup();
    const first = await processor.processItem(feed, item(1), false);
    const cyrillic = await processor.processItem(
      other,
      item(9, { url: 'https://rts.example/vest/9', title: latinToCyrillic(WIRE_TITLE), summary: latinToCyrillic(WIRE_TEXT) }),
      false,
    );
    expect(cyrillic.duplicate).toBe(false);
    expect(cyrillic.storyId).toBe(first.storyId);
    expect(cyrillic.followUp).toBe(true);
    expect(await storage.stories.outletsOf(first.storyId!)).toEqual(['Danas', 'RTS']);
  });

  it('keeps different stories apart', async () => {
    const { processor } = await setup();
    const a = await processor.processItem(feed, item(1), false);
    const b = await processor.processItem(feed, item(2, { title: 'Povučen Nacrt zakona o unutrašnjim poslovima', summary: 'Vlada Srbije povukla je nacrt zakona koji je predviđao biometrijski nadzor.' }), false);
    expect(b.storyId).not.toBe(a.storyId);
  });

  it('lets ALERT_MIN_SCORE tune the threshold', async () => {
    const strict = await setup({ minScore: 0.999 });
    const o = await strict.processor.processItem(feed, item(1), false);
    expect(o.relevant).toBe(true);
    expect(o.alerted).toBe(0);
    expect(o.skipped).toBe('below-min-score');
  });

  it('names the real outlet of a search-feed item', async () => {
    const { storage, processor } = await setup();
    const search: SourceFeed = { url: 'https://news.example/rss?q=kamere', outlet: 'Google News', scope: 'domestic', kind: 'search' };
    const o = await processor.processItem(search, item(1, { source: { title: 'N1 Srbija', href: 'https://n1info.rs' } }), false);
    expect((await storage.articles.get(o.id!))?.outlet).toBe('N1 Srbija');
  });

  it('adds a manual article like any other', async () => {
    const { storage, processor } = await setup();
    const o = await processor.addManual({ title: WIRE_TITLE, text: WIRE_TEXT, outlet: 'RTS (TV)', url: 'https://rts.example/tv/1' });
    expect(o).toMatchObject({ duplicate: false, relevant: true, alerted: 1 });
    expect((await storage.articles.get(o.id!))?.classification.topics).toContain('face-recognition');
  });

  it('rolls back an item that fails, alone, and goes on with the others', async () => {
    const { storage, processor } = await setup();
    const insert = storage.articles.insert.bind(storage.articles);
    storage.articles.insert = (a) => {
      if (a.guid === 'guid-2') throw new Error('disk says no');
      return insert(a);
    };
    const r = await processor.processItems(feed, [item(1), boring(2), boring(3, { title: 'Kiša u Nišu' })], { firstRead: false });
    expect(r).toMatchObject({ seen: 3, stored: 2, failed: 1, alerts: 1 });
    expect(r.errors[0]).toMatch(/disk says no/);
    expect(await storage.articles.count({})).toBe(2);
    // The story index was reset: a later copy still finds the stored story.
    const again = await processor.processItem(other, item(7, { url: 'https://rts.example/7' }), false);
    expect(again.followUp).toBe(true);
  });
});
