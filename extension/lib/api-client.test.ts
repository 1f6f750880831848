import { describe, expect, it, vi } from 'vitest';
import { fetchCoverage, fetchLatestAlerts, fetchRelated, parseArticles, parseCoverage, relatedUrl, safeHttpUrl, totalsByKey } from './api-client';

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('relatedUrl', () => {
  it('carries topics, title terms and the language, nothing else', () => {
    const url = new URL(relatedUrl('https://watch.example.org/base', { topics: ['cameras', 'law'], terms: ['kamere', 'prepoznavanje lica'], lang: 'sr' }));
    expect(url.origin + url.pathname).toBe('https://watch.example.org/base/api/related');
    expect([...url.searchParams.keys()]).toEqual(['topics', 'terms', 'lang']);
    expect(url.searchParams.get('topics')).toBe('cameras,law');
    expect(url.searchParams.get('terms')).toBe('kamere,prepoznavanje lica');
  });
});

describe('parseArticles', () => {
  it('keeps valid articles and drops the rest', () => {
    const articles = parseArticles({
      articles: [
        { title: 'Kamere', url: 'https://n1info.rs/a', outlet: 'N1', published: '2024-05-01T10:00:00Z', score: 0.9, topics: ['cameras', 'bogus'] },
        { title: 'XSS', url: 'javascript:alert(1)', outlet: 'x' },
        { title: '', url: 'https://example.org' },
        { title: 'No outlet', url: 'http://example.org/b', published: 'yesterday' },
        'junk',
      ],
    });
    expect(articles).toEqual([
      { title: 'Kamere', url: 'https://n1info.rs/a', outlet: 'N1', published: '2024-05-01T10:00:00Z', score: 0.9, topics: ['cameras'] },
      { title: 'No outlet', url: 'http://example.org/b', outlet: 'example.org', published: null, score: null, topics: [] },
    ]);
  });

  it('keeps markup as text and flattens control characters', () => {
    const [a] = parseArticles({ articles: [{ title: '<img src=x onerror=alert(1)>\u0000\nhi', url: 'https://e.org' }] });
    expect(a.title).toBe('<img src=x onerror=alert(1)> hi');
  });

  it('throws on an answer without a list', () => {
    expect(() => parseArticles({})).toThrow();
    expect(() => parseCoverage({ rows: 'x' })).toThrow();
  });

  it('accepts only absolute http(s) URLs', () => {
    expect(safeHttpUrl('https://e.org/x')).toBe('https://e.org/x');
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
  });
});

describe('requests', () => {
  it('fetchRelated sends no cookies or referrer and validates the answer', async () => {
    const fetchImpl = vi.fn(async () => ok({ articles: [{ title: 'T', url: 'https://e.org', outlet: 'E' }] }));
    const articles = await fetchRelated('https://w.example', { topics: ['law'], terms: [], lang: 'en' }, fetchImpl);
    expect(articles).toHaveLength(1);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://w.example/api/related?topics=law&terms=&lang=en');
    expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', method: 'GET' });
  });

  it('fails on an HTTP error', async () => {
    await expect(fetchRelated('https://w.example', { topics: [], terms: [], lang: 'en' }, async () => new Response('x', { status: 500 }))).rejects.toThrow('500');
  });

  it('asks for the latest five relevant articles and the weekly coverage by scope', async () => {
    const calls: string[] = [];
    const fetchImpl = async (url: string) => {
      calls.push(url);
      return url.includes('/api/articles')
        ? ok({ articles: [{ title: 'A', url: 'https://e.org/a' }], total: 12 })
        : ok({ rows: [
            { bucket: '2024-05-06', key: 'domestic', articles: 4, stories: 2 },
            { bucket: '2024-05-13', key: 'domestic', articles: 3, stories: 3 },
            { bucket: '2024-05-13', key: 'international', articles: 1, stories: 1 },
            { bucket: 'x', key: 'domestic', articles: -1, stories: 0 },
          ] });
    };
    const latest = await fetchLatestAlerts('https://w.example', fetchImpl);
    expect(latest.total).toBe(12);
    const rows = await fetchCoverage('https://w.example', new Date('2024-05-01T00:00:00Z'), new Date('2024-05-29T00:00:00Z'), fetchImpl);
    expect(calls).toEqual([
      'https://w.example/api/articles?relevant=true&limit=5',
      'https://w.example/api/coverage?from=2024-05-01&to=2024-05-29&interval=week&by=scope',
    ]);
    expect(Object.fromEntries(totalsByKey(rows))).toEqual({
      domestic: { articles: 7, stories: 5 },
      international: { articles: 1, stories: 1 },
    });
  });
});
