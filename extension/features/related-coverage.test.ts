import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serverUrlSetting } from '../lib/settings';
import { requestRelatedCoverage, serveRelatedCoverage } from './related-coverage';

const request = { type: 'related' as const, topics: ['cameras' as const], terms: ['kamere'], lang: 'sr' as const };

describe('related coverage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('makes no request at all without a server', async () => {
    const fetchImpl = vi.fn();
    expect(await serveRelatedCoverage(request, fetchImpl)).toEqual({ ok: false, error: 'no server configured' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('asks the configured server with topics, terms and language only', async () => {
    await serverUrlSetting.setValue('https://watch.example.org/');
    const fetchImpl = vi.fn(async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify({ articles: [{ title: 'T', url: 'https://e.org/t', outlet: 'E' }] })),
    );
    const res = await serveRelatedCoverage(request, fetchImpl as unknown as typeof fetch);
    expect(res).toMatchObject({ ok: true, articles: [{ title: 'T' }] });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl.mock.calls[0][0]).toBe('https://watch.example.org/api/related?topics=cameras&terms=kamere&lang=sr');
  });

  it('reports a failing server as an error', async () => {
    await serverUrlSetting.setValue('https://watch.example.org');
    const res = await serveRelatedCoverage(request, (async () => new Response('no', { status: 503 })) as unknown as typeof fetch);
    expect(res).toEqual({ ok: false, error: 'server answered 503' });
  });

  it('content side: sends a validated message and re-validates the answer', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
      return Promise.resolve({ ok: true, articles: [{ title: 'A', url: 'javascript:alert(1)' }, { title: 'B', url: 'https://e.org/b' }] });
    });
    const res = await requestRelatedCoverage({ topics: ['law'], terms: ['zakon'], lang: 'sr' });
    expect(seen).toEqual([{ type: 'related', topics: ['law'], terms: ['zakon'], lang: 'sr' }]);
    expect(res).toMatchObject({ ok: true, articles: [{ title: 'B' }] });
  });
});
