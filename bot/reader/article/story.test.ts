/**
 * Story grouping with the page's opening paragraphs. An agency report appears in full in one
 * feed; other outlets rewrite the headline and cut the excerpt to a few words, and their pages
 * carry the report. Without the page such a copy starts a story of its own; with it, it joins
 * the report's story. Routine statements of the same kind on other days must stay apart.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempStorage } from '../../storage/testdata/temp-storage';
import { createHostGate } from '../pool';
import { createProcessor, type IncomingItem, type SourceFeed } from '../processor';
import { createArticleStage } from './stage';
import { ARTICLES, type ArticleText } from './testdata/articles';
import { renderArticlePage, type RenderedPage } from './testdata/pages';
import { startArticleWorld, type ArticleWorld } from './testdata/world';

vi.setConfig({ testTimeout: 30_000 });

const WIRES = ARTICLES.filter((a) => a.relevant && a.lang === 'sr-Latn');
/** Headlines the copying outlets wrote instead of the agency's. */
const REWRITES = ['Šta se zna do sada', 'Reakcije ne prestaju', 'Novi detalji', 'Oglasili se i nadležni'];
const ADDED = 'Podsetimo, o ovoj temi redakcija je pisala i ranije, a čitaoci nam se mogu javiti na adresu redakcije.';

/** Routine police statements, one a day, same template, other facts. */
function routine(day: number): ArticleText {
  const towns = ['Novom Sadu', 'Nišu', 'Kragujevcu', 'Subotici'];
  const n = 12 + day * 7;
  return {
    slug: `routine-${day}`,
    lang: 'sr-Latn',
    relevant: true,
    title: `PU ${towns[day].replace(/u$/, '')}: rasvetljeno ${n} krivičnih dela`,
    lead: `Policijska uprava u ${towns[day]} saopštila je da je tokom proteklog dana pomoću kamera video nadzora rasvetljeno ${n} krivičnih dela i da je uhapšeno ${day + 3} osoba.`,
    body: [
      `Kako se navodi, snimci kamera sistema video nadzora u ${towns[day]} pomogli su u identifikaciji ${day + 2} osumnjičenih za krađe i ${day + 1} za nasilje.`,
      `Policija poziva građane da prijave svaku sumnjivu aktivnost na broj 192, a protiv uhapšenih su podnete krivične prijave nadležnom tužilaštvu u ${towns[day]}.`,
    ],
  };
}

let world: ArticleWorld;
afterEach(() => world?.close());

function item(id: string, url: string, title: string, summary: string, published: string): IncomingItem {
  return { id, url, title, summary, content: '', published, updated: null, author: null, enclosures: [] };
}

async function grouping(withPages: boolean) {
  const extra: Record<string, RenderedPage> = {};
  const copies: Array<{ wire: ArticleText; item: IncomingItem; outlet: number }> = [];
  const published = new Date(Date.now() - 3600_000).toISOString();
  WIRES.forEach((w, i) => {
    for (let outlet = 0; outlet < 2; outlet++) {
      const path = `/copy/${outlet}/${w.slug}.html`;
      extra[path] = renderArticlePage({ ...w, title: REWRITES[(i + outlet) % REWRITES.length], body: [...w.body, ADDED] }, i + outlet + 1);
      const cut = `${w.lead.split(' ').slice(0, 9).join(' ')} …`;
      copies.push({ wire: w, outlet, item: item(`copy-${outlet}-${w.slug}`, `URL${path}`, REWRITES[(i + outlet) % REWRITES.length], cut, published) });
    }
  });
  const days = [0, 1, 2].map(routine);
  days.forEach((r) => (extra[`/routine/${r.slug}.html`] = renderArticlePage(r, 0)));
  world = await startArticleWorld({ extraPages: extra });
  const { storage } = await tempStorage();
  const processor = createProcessor({ storage });
  const stage = createArticleStage({ storage, hosts: createHostGate(), perHostGapMs: 0, trustedHost: (h) => h === '127.0.0.1' });
  const agency: SourceFeed = { url: 'http://agency/rss', outlet: 'Agencija', scope: 'domestic', language: 'sr' };
  const wireStory = new Map<string, number | null>();
  for (const w of WIRES) {
    const o = await processor.processItem(agency, item(`wire-${w.slug}`, `http://agency/${w.slug}`, w.title, [w.lead, ...w.body].join(' '), published), false);
    wireStory.set(w.slug, o.storyId);
  }
  let grouped = 0;
  let falseMerges = 0;
  for (const c of copies) {
    const feed: SourceFeed = { url: `http://outlet${c.outlet}/rss`, outlet: `Portal ${c.outlet}`, scope: 'domestic', language: 'sr' };
    const it = { ...c.item, url: c.item.url!.replace('URL', world.url) };
    const [ready] = withPages ? await stage.prepare(feed, [it], { firstRead: false }) : [it];
    const o = await processor.processItem(feed, ready, false);
    if (o.storyId === wireStory.get(c.wire.slug)) grouped++;
    else if ([...wireStory.values()].includes(o.storyId)) falseMerges++;
  }
  // The routine statements, a day apart, title-only in a feed: each its own story.
  const routineStories = new Set<number | null>();
  for (const [d, r] of days.entries()) {
    const feed: SourceFeed = { url: 'http://police/rss', outlet: 'Policija', scope: 'domestic', language: 'sr' };
    const at = new Date(Date.now() - (3 - d) * 24 * 3600_000).toISOString();
    const it = item(r.slug, `${world.url}/routine/${r.slug}.html`, r.title, '', at);
    const [ready] = withPages ? await stage.prepare(feed, [it], { firstRead: false }) : [it];
    if (withPages) expect(ready.page?.status).toBe('ok');
    routineStories.add((await processor.processItem(feed, ready, false)).storyId);
  }
  return { recall: grouped / copies.length, falseMerges: falseMerges + (days.length - routineStories.size), copies: copies.length };
}

describe('story grouping with the page opening', () => {
  it('groups rewritten, cut copies of a report with it, and merges nothing else', async () => {
    const before = await grouping(false);
    await world.close();
    const after = await grouping(true);
    console.log(
      `story grouping of ${after.copies} cut copies with rewritten headlines: ` +
        `feed text only: recall ${before.recall.toFixed(2)}, false merges ${before.falseMerges}; ` +
        `with the page opening: recall ${after.recall.toFixed(2)}, false merges ${after.falseMerges}`,
    );
    expect(after.recall).toBeGreaterThan(before.recall);
    expect(after.recall).toBeGreaterThanOrEqual(0.9);
    expect(after.falseMerges).toBe(0);
  });
});
