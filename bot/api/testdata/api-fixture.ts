/** An app over a temp database seeded with MARCH_2025, for the API tests (vitest only). */
import { tempStorage } from '../../storage/testdata/temp-storage';
import type { Storage } from '../../storage';
import { createApp, type ApiConfig, type ApiDeps } from '../app';
import { fakeAddArticle, MARCH_2025, seedArticles, type SeedArticle } from './seed';

export const TOKEN = 'test-token-0123456789';

/** Errors the app logged; tests assert there are none unless they expect some. */
export interface Logged {
  errors: string[];
  warnings: string[];
}

export async function seededApp(
  options: { articles?: readonly SeedArticle[]; config?: Partial<ApiConfig>; deps?: Partial<ApiDeps> } = {},
) {
  const { storage } = await tempStorage();
  const ids = await seedArticles(storage, options.articles ?? MARCH_2025);
  const logged: Logged = { errors: [], warnings: [] };
  const app = createApp({
    storage,
    config: { apiToken: TOKEN, ...options.config },
    addArticle: fakeAddArticle(storage, () => new Date('2025-04-01T12:00:00.000Z')),
    logger: { info() {}, warn: (m) => logged.warnings.push(m), error: (m) => logged.errors.push(m) },
    now: () => new Date('2025-04-01T12:00:00.000Z'),
    ...options.deps,
  });
  return { app, storage, ids, logged };
}

/** GET a path and parse the JSON, checking the status. */
export async function getJson<T = any>(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }, path: string, status = 200): Promise<T> {
  const res = await app.request(path);
  const body = await res.text();
  if (res.status !== status) throw new Error(`GET ${path}: expected ${status}, got ${res.status}: ${body}`);
  return JSON.parse(body) as T;
}

export type { Storage };
