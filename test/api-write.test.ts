import { describe, expect, it } from 'vitest';
import { getJson, seededApp, TOKEN } from '../bot/api/testdata/api-fixture';
import type { CoverageResult } from '../bot/api';

const article = {
  title: 'Policija koristi kamere za prepoznavanje lica u Beogradu',
  text: 'Ministarstvo unutrašnjih poslova potvrdilo je da sistem biometrijskog nadzora prepoznaje lica. Šer fondacija traži zabranu.',
  outlet: 'Politika (štampa)',
  published: '2025-03-27T08:00:00Z',
  lang: 'sr',
};

function post(app: ReturnType<typeof seededApp>['app'], body: unknown, headers: Record<string, string> = {}) {
  return app.request('/api/articles', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /api/articles', () => {
  it('adds an article the feeds missed: classified, counted, and alerted when relevant', async () => {
    const { app, storage } = seededApp();
    const res = await post(app, article);
    expect(res.status).toBe(201);
    const out = (await res.json()) as { id: number; duplicate: boolean; relevant: boolean; alerted: boolean };
    expect(out).toMatchObject({ duplicate: false, relevant: true, alerted: true });

    const stored = storage.articles.get(out.id)!;
    expect(stored).toMatchObject({ outlet: 'Politika (štampa)', scope: 'domestic', published: '2025-03-27T08:00:00.000Z', url: null });
    expect(stored.classification.topics).toContain('face-recognition');
    expect(storage.alerts.pendingCount()).toBe(1);

    const c = await getJson<CoverageResult>(app, '/api/coverage?from=2025-03-24&to=2025-03-30&interval=week');
    expect(c.total.articles).toBe(3);
    const m = await getJson<{ orgs: Array<{ id: string; articles: number }> }>(app, '/api/mentions?from=2025-03-24&to=2025-03-30&org=share-foundation,ministry-of-interior');
    expect(m.orgs.map((o) => o.articles)).toEqual([1, 1]);
  });

  it('reports a duplicate with 200 and adds nothing', async () => {
    const { app, storage } = seededApp();
    const withUrl = { ...article, url: 'https://politika.example/kamere' };
    expect((await post(app, withUrl)).status).toBe(201);
    const again = await post(app, withUrl);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, alerted: false });
    expect(storage.articles.count()).toBe(13);
  });

  it('needs the bearer token', async () => {
    const { app, storage } = seededApp();
    const none = await app.request('/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(article) });
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect((await post(app, article, { Authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await post(app, article, { Authorization: `Basic ${TOKEN}` })).status).toBe(401);
    expect((await post(app, article, { Authorization: 'Bearer two words' })).status).toBe(401);
    expect((await post(app, article, { Authorization: 'Bearer' })).status).toBe(401);
    expect((await post(app, article, { Authorization: `bearer ${TOKEN}` })).status).toBe(201);
    expect(storage.articles.count()).toBe(13);
  });

  it('slows down token guessing: after 10 wrong tokens, 429 with Retry-After, right token or not', async () => {
    let clock = new Date('2025-04-01T12:00:00.000Z').getTime();
    const { app, storage } = seededApp({ deps: { now: () => new Date(clock) } });
    // Wrong tokens, a malformed header and none at all all count.
    for (let i = 0; i < 8; i++) expect((await post(app, article, { Authorization: `Bearer wrong-${i}-token` })).status).toBe(401);
    expect((await post(app, article, { Authorization: 'Basic x' })).status).toBe(401);
    expect((await post(app, article, { Authorization: '' })).status).toBe(401);
    const blocked = await post(app, article);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    clock += 61_000; // the window has passed since the last failure
    expect((await post(app, article)).status).toBe(201);
    expect(storage.articles.count()).toBe(13);
  });

  it('is disabled when API_TOKEN is unset, whatever the request says', async () => {
    const { app } = seededApp({ config: { apiToken: null } });
    const res = await post(app, article, { Authorization: 'Bearer ' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/API_TOKEN/);
  });

  it('answers 503 when this process cannot add articles', async () => {
    const { app } = seededApp({ deps: { addArticle: undefined } });
    expect((await post(app, article)).status).toBe(503);
  });

  it('answers 400 naming the field for a bad body', async () => {
    const { app, storage } = seededApp();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ ...article, title: '  ' }, 'title', /required/],
      [{ ...article, outlet: undefined }, 'outlet', /required/],
      [{ ...article, url: 'javascript:alert(1)' }, 'url', /http\(s\) URL/],
      [{ ...article, scope: 'local' }, 'scope', /domestic/],
      [{ ...article, published: '27.03.2025' }, 'published', /YYYY-MM-DD/],
      [{ ...article, published: '2099-01-01' }, 'published', /future/],
      [{ ...article, lang: 'Serbian' }, 'lang', /language code/],
      [{ ...article, title: 42 }, 'title', /string/],
      [{ ...article, relevant: true }, 'relevant', /not an article field/],
      [[article], 'body', /JSON object/],
    ];
    for (const [body, field, message] of cases) {
      const res = await post(app, body);
      expect(res.status, field).toBe(400);
      const out = (await res.json()) as { error: string; parameter: string };
      expect(out.parameter, field).toBe(field);
      expect(out.error, field).toMatch(message);
      expect(out.error).toContain(`invalid field "${field}"`);
    }
    expect((await post(app, '{"title": ')).status).toBe(400);
    expect((await post(app, 'title=x', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect(storage.articles.count()).toBe(12);
  });

  it('refuses a body over the size limit', async () => {
    const { app } = seededApp();
    const res = await post(app, { ...article, text: 'x'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
  });

  it('is not open to cross-origin callers', async () => {
    const { app } = seededApp();
    const preflight = await app.request('/api/articles', {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Methods')).not.toMatch(/POST/);
  });
});
