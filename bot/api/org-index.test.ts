import { describe, expect, it } from 'vitest';
import { article, tempStorage } from '../storage/testdata/temp-storage';
import type { SqlDb } from '../storage/index';
import { defaultOrgs, orgFtsQuery, type TrackedOrg } from '../orgs';
import { orgPairs, orgsKey, syncOrgIndex } from './org-index';
import { matchingIdsSql, syncSearchIndex } from './search-index';
import { seedBulk } from './testdata/seed';

const pairs = async (db: SqlDb) => (await orgPairs(db, 0, Number.MAX_SAFE_INTEGER)).map(([id, org]) => `${id}:${org}`).sort();

const SHARE: TrackedOrg = { id: 'share', name: { en: 'SHARE', sr: 'Šer' }, names: ['SHARE Foundation', 'Šer fondacij*'] };
const MUP: TrackedOrg = { id: 'mup', name: { en: 'Ministry of the Interior', sr: 'MUP' }, names: ['MUP'] };

describe('organisation index', () => {
  it('matches each article once, in any number of steps, with the same rules as the names', async () => {
    const { storage } = await tempStorage();
    const titles = ['Шер фондација о камерама', 'MUP nabavlja kamere', 'Komupa nije MUP-a', 'Ser fondacijom i MUP', 'Kamere'];
    for (const [i, title] of titles.entries()) await storage.articles.insert(article(i + 1, { title }));
    expect(await syncOrgIndex(storage.db, [SHARE, MUP], 2)).toBe(2);
    expect(await syncOrgIndex(storage.db, [SHARE, MUP])).toBe(3);
    expect(await syncOrgIndex(storage.db, [SHARE, MUP])).toBe(0);
    expect(await pairs(storage.db)).toEqual(['1:share', '2:mup', '3:mup', '4:mup', '4:share']);

    // Articles stored later are matched by the next sync; the article page's text counts too.
    const id = (await storage.articles.insert(article(6, { title: 'Nadzor', text: 'kratko' })))!;
    await storage.db.run('UPDATE articles SET body = ? WHERE id = ?', ['Izjava Šer fondacije.', id]);
    expect(await syncOrgIndex(storage.db, [SHARE, MUP])).toBe(1);
    expect(await pairs(storage.db)).toContain(`${id}:share`);
    expect((await orgPairs(storage.db, 2, 3)).map(([a]) => a)).toEqual([2, 3]);
  });

  it('rebuilds from the first article when the organisation list changes', async () => {
    const { storage } = await tempStorage();
    await storage.articles.insert(article(1, { title: 'Šer fondacija i MUP' }));
    await syncOrgIndex(storage.db, [SHARE]);
    expect(await pairs(storage.db)).toEqual(['1:share']);
    expect(await syncOrgIndex(storage.db, [MUP])).toBe(1);
    expect(await pairs(storage.db)).toEqual(['1:mup']);
    expect(await storage.db.get('SELECT orgs_key AS key, last_article_id AS last FROM article_orgs_state')).toEqual({ key: orgsKey([MUP]), last: 1 });
    // A changed name is another list too.
    expect(orgsKey([{ ...MUP, names: ['MUP', 'Ministarstvo unutrašnjih poslova'] }])).not.toBe(orgsKey([MUP]));
  });

  // The index replaced one full-text search per organisation: it must find the same articles.
  it('finds what the full-text index finds for every default organisation', async () => {
    const { storage } = await tempStorage();
    await seedBulk(storage, 400, { seed: 7 });
    await syncSearchIndex(storage.db);
    await syncOrgIndex(storage.db, defaultOrgs());
    const indexed = await pairs(storage.db);
    const searched: string[] = [];
    for (const org of defaultOrgs()) {
      const named = matchingIdsSql(storage.db.dialect, orgFtsQuery(org));
      for (const [id] of await storage.db.values<[number]>(named.sql, named.params)) searched.push(`${id}:${org.id}`);
    }
    expect(indexed.length).toBeGreaterThan(50);
    expect(indexed).toEqual(searched.sort());
  });
});
