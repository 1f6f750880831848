import { describe, expect, it } from 'vitest';
import { article, tempStorage } from '../storage/testdata/temp-storage';
import type { SqlDb } from '../storage/index';
import { matchCondition, searchExpression, searchIndexLag, searchPrefixes, syncSearchIndex } from './search-index';

const match = async (db: SqlDb, q: string) => {
  const m = matchCondition(db.dialect, searchExpression(q)!);
  return (await db.all<{ id: number }>(`SELECT a.id FROM articles a WHERE ${m.sql} ORDER BY a.id`, m.params)).map((r) => r.id);
};

describe('search index', () => {
  it('indexes only what is missing, in any number of steps', async () => {
    const { storage } = await tempStorage();
    for (let i = 1; i <= 5; i++) await storage.articles.insert(article(i, { title: i % 2 ? 'Камере на Славији' : 'Kamere u Nišu' }));
    expect(await searchIndexLag(storage.db)).toBe(5);
    expect(await syncSearchIndex(storage.db, 2)).toBe(2);
    expect(await searchIndexLag(storage.db)).toBe(3);
    expect(await syncSearchIndex(storage.db)).toBe(3);
    expect(await syncSearchIndex(storage.db)).toBe(0);
    await storage.articles.insert(article(6, { title: 'Dronovi' }));
    expect(await syncSearchIndex(storage.db)).toBe(1);
    expect(await match(storage.db, 'kamere')).toEqual([1, 2, 3, 4, 5]);
    expect(await match(storage.db, 'Нишу')).toEqual([2, 4]);
    expect(await match(storage.db, 'slavija')).toEqual([1, 3, 5]);
  });
});

describe('searchExpression', () => {
  it('folds, stems to a prefix and quotes every word', async () => {
    expect(searchPrefixes('Камере Šer fondacija EDRi')).toEqual(['kamer', 'ser', 'fondacij', 'edri']);
    expect(searchExpression('Камере "x" OR y*')).toBe('"kamer"* "x"* "or"* "y"*');
    expect(searchExpression('!!! ---')).toBeNull();
  });
});
