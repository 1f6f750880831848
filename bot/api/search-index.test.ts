import { describe, expect, it } from 'vitest';
import { article, tempStorage } from '../storage/testdata/temp-storage';
import { searchExpression, searchIndexLag, searchPrefixes, syncSearchIndex } from './search-index';

const match = (db: import('better-sqlite3').Database, q: string) =>
  db.prepare('SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid').pluck().all(searchExpression(q)!) as number[];

describe('search index', () => {
  it('indexes only what is missing, in any number of steps', () => {
    const { storage } = tempStorage();
    for (let i = 1; i <= 5; i++) storage.articles.insert(article(i, { title: i % 2 ? 'Камере на Славији' : 'Kamere u Nišu' }));
    expect(searchIndexLag(storage.db)).toBe(5);
    expect(syncSearchIndex(storage.db, 2)).toBe(2);
    expect(searchIndexLag(storage.db)).toBe(3);
    expect(syncSearchIndex(storage.db)).toBe(3);
    expect(syncSearchIndex(storage.db)).toBe(0);
    storage.articles.insert(article(6, { title: 'Dronovi' }));
    expect(syncSearchIndex(storage.db)).toBe(1);
    expect(match(storage.db, 'kamere')).toEqual([1, 2, 3, 4, 5]);
    expect(match(storage.db, 'Нишу')).toEqual([2, 4]);
    expect(match(storage.db, 'slavija')).toEqual([1, 3, 5]);
  });
});

describe('searchExpression', () => {
  it('folds, stems to a prefix and quotes every word', () => {
    expect(searchPrefixes('Камере Šer fondacija EDRi')).toEqual(['kamer', 'ser', 'fondacij', 'edri']);
    expect(searchExpression('Камере "x" OR y*')).toBe('"kamer"* "x"* "or"* "y"*');
    expect(searchExpression('!!! ---')).toBeNull();
  });
});
