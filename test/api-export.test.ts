import { describe, expect, it } from 'vitest';
import { seededApp } from '../bot/api/testdata/api-fixture';

const BOM = [0xef, 0xbb, 0xbf];

async function bytes(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

/** RFC 4180 rows (quoted fields with commas, quotes and line breaks). */
function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('GET /api/export.csv', () => {
  it('starts with a UTF-8 byte-order mark and encodes both scripts as UTF-8', async () => {
    const { app } = await seededApp();
    const res = await app.request('/api/export.csv?script=Cyrl&since=2025-03-03&until=2025-03-03');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="nadzor-articles-2025-03-03_2025-03-03.csv"');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const b = await bytes(res);
    expect([...b.slice(0, 3)]).toEqual(BOM);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b.slice(3));
    const title = 'Камере за препознавање лица на Славији';
    expect(text).toContain(title);
    // "К" is D0 9A in UTF-8: the bytes are there, not a legacy code page.
    const at = Buffer.from(b).indexOf(Buffer.from(title, 'utf8'));
    expect([...b.slice(at, at + 2)]).toEqual([0xd0, 0x9a]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has a header row and one row per article, RFC 4180 quoted', async () => {
    const { app } = await seededApp({
      articles: [
        { title: 'Kamere, "Safe City" i MUP', text: 'x', outlet: 'N1', published: '2025-03-01T10:00:00.000Z', topics: ['cameras', 'huawei-safe-city'], reasons: ['a, b', 'c'] },
        { title: '=HYPERLINK("http://evil.example","klik")', outlet: '@outlet', published: '2025-03-02T10:00:00.000Z' },
      ],
    });
    const text = new TextDecoder().decode((await bytes(await app.request('/api/export.csv'))).slice(3));
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['ID', 'Published', 'Fetched', 'Outlet', 'Scope', 'Article language', 'Script', 'About the subject', 'Score', 'Topics', 'Why', 'Story ID', 'Title', 'URL']);
    expect(rows).toHaveLength(3);
    const [formula, quoted] = rows.slice(1);
    // Belgrade time without milliseconds; names, not codes.
    expect(quoted[1]).toBe('2025-03-01T11:00:00+01:00');
    expect(quoted.slice(3, 14)).toEqual(['N1', 'domestic', 'Serbian (and related)', 'Latin', 'yes', '0.9', 'Cameras; Huawei “Safe City”', 'a, b; c', '', 'Kamere, "Safe City" i MUP', quoted[13]]);
    // Text that a spreadsheet would run as a formula is prefixed with an apostrophe.
    expect(formula[12]).toBe('\'=HYPERLINK("http://evil.example","klik")');
    expect(formula[3]).toBe("'@outlet");
  });

  it('exports any articles query, and the text on request', async () => {
    const { app } = await seededApp();
    const rows = parseCsv(new TextDecoder().decode((await bytes(await app.request('/api/export.csv?q=kamere&relevant=true&text=true'))).slice(3)));
    expect(rows[0].at(-1)).toBe('Text');
    expect(rows).toHaveLength(1 + 6);
    expect(rows[1].at(-1)).toBe('Grad postavlja nove kamere.');
  });

  it('exports dense coverage rows: every week and key, zero weeks and partial weeks marked', async () => {
    const { app } = await seededApp();
    const res = await app.request('/api/export.csv?type=coverage&from=2025-03-01&to=2025-03-31&interval=week&by=scope');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="nadzor-coverage-week-by-scope-2025-03-01_2025-03-31.csv"');
    const rows = parseCsv(new TextDecoder().decode((await bytes(res)).slice(3)));
    expect(rows.slice(0, 5)).toEqual([
      ['Period starting', 'Partial period', 'Scope', 'Articles', 'Stories'],
      ['2025-02-24', 'yes', 'domestic', '0', '0'],
      ['2025-02-24', 'yes', 'international', '0', '0'],
      ['2025-03-03', 'no', 'domestic', '2', '1'],
      ['2025-03-03', 'no', 'international', '1', '1'],
    ]);
    expect(rows).toHaveLength(1 + 6 * 2);
    expect(rows.at(-1)).toEqual(['2025-03-31', 'yes', 'international', '0', '0']);
  });

  it('exports in Serbian with semicolons for Serbian spreadsheets, or any separator asked for', async () => {
    const { app } = await seededApp();
    const cov = await app.request('/api/export.csv?type=coverage&from=2025-03-01&to=2025-03-31&interval=month&by=topic&ui=sr-Latn');
    const rows = parseCsv(new TextDecoder().decode((await bytes(cov)).slice(3)), ';');
    expect(rows[0]).toEqual(['Period od', 'Delimičan period', 'Tema', 'Članci', 'Priče']);
    expect(rows).toContainEqual(['2025-03-01', 'ne', 'Kamere', '5', '4']);
    const cyr = await app.request('/api/export.csv?type=articles&since=2025-03-03&until=2025-03-03&ui=sr-Cyrl&sep=tab');
    const [header, first] = parseCsv(new TextDecoder().decode((await bytes(cyr)).slice(3)), '\t');
    expect(header.slice(0, 4)).toEqual(['ИД', 'Објављено', 'Преузето', 'Медиј']);
    expect(first[4]).toBe('домаћи');
    expect((await app.request('/api/export.csv?ui=de')).status).toBe(400);
    expect((await app.request('/api/export.csv?sep=pipe')).status).toBe(400);
  });

  it('exports mentions for every bucket', async () => {
    const { app } = await seededApp();
    const res = await app.request('/api/export.csv?type=mentions&from=2025-02-01&to=2025-03-31&interval=month&org=share-foundation');
    const rows = parseCsv(new TextDecoder().decode((await bytes(res)).slice(3)));
    expect(rows).toEqual([
      ['Period starting', 'Partial period', 'Organisation', 'Articles', 'All articles', 'Share of coverage'],
      ['2025-02-01', 'no', 'SHARE Foundation', '0', '1', '0'],
      ['2025-03-01', 'no', 'SHARE Foundation', '3', '9', '0.3333'],
    ]);
  });

  it('answers 400 for parameters of another export type', async () => {
    const { app } = await seededApp();
    const res = await app.request('/api/export.csv?type=articles&interval=week');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ parameter: 'interval' });
    expect((await app.request('/api/export.csv?type=stories')).status).toBe(400);
  });

  it('streams a large export in batches', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({
      title: `Članak ${i}`,
      outlet: 'N1',
      published: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    }));
    const { app } = await seededApp({ articles: many });
    const rows = parseCsv(new TextDecoder().decode((await bytes(await app.request('/api/export.csv'))).slice(3)));
    expect(rows).toHaveLength(2501);
    expect(rows[1][12]).toBe('Članak 2499');
    expect(rows[1][1]).toBe('2025-01-02T18:39:00+01:00');
    expect(rows[2500][12]).toBe('Članak 0');
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(2500);
  });
});

describe('GET /api/export.json', () => {
  it('exports articles as JSON with the API fields', async () => {
    const { app } = await seededApp();
    const res = await app.request('/api/export.json?relevant=false');
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="nadzor-articles.json"');
    const body = (await res.json()) as { articles: Array<{ title: string; relevant: boolean }> };
    expect(body.articles.map((a) => a.title)).toEqual(['Vremenska prognoza za vikend', 'Novi telefon kompanije Huawei']);
    expect((body.articles[0] as unknown as { published: string }).published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
  });

  it('exports coverage as JSON', async () => {
    const { app } = await seededApp();
    const body = (await (await app.request('/api/export.json?type=coverage&from=2025-03-01&to=2025-03-31&interval=month')).json()) as {
      rows: unknown[];
      total: unknown;
    };
    expect(body.rows).toEqual([{ bucket: '2025-03-01', key: 'all', articles: 9, stories: 8 }]);
  });
});
