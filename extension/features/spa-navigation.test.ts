import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { followSpaNavigation, waitForSettled } from './spa-navigation';

/** Just enough of a page for ContentScriptContext: a document, a window and a location. */
function stubPage() {
  const { document, MutationObserver, CustomEvent } = parseHTML('<!doctype html><html><body><main id="view"></main></body></html>');
  const win = Object.assign(new EventTarget(), { postMessage: () => {} });
  const location = { href: 'https://news.example/home' };
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', win);
  vi.stubGlobal('location', location);
  vi.stubGlobal('MutationObserver', MutationObserver);
  // ContentScriptContext announces itself on the document with linkedom's own event class.
  vi.stubGlobal('CustomEvent', CustomEvent);
  return { document: document as unknown as Document, location };
}

describe('spa navigation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waitForSettled waits until the page stops changing', async () => {
    const { document } = stubPage();
    const ctx = new ContentScriptContext('test');
    let settled = false;
    void waitForSettled(ctx, document.body, { quietMs: 100, maxMs: 5000 }).then(() => (settled = true));
    const view = document.getElementById('view')!;
    for (let i = 0; i < 5; i++) {
      view.append(document.createElement('p'));
      await vi.advanceTimersByTimeAsync(60);
    }
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(150);
    expect(settled).toBe(true);
    ctx.notifyInvalidated();
  });

  it('waitForSettled gives up after maxMs on a page that never settles', async () => {
    const { document } = stubPage();
    const ctx = new ContentScriptContext('test');
    let settled = false;
    void waitForSettled(ctx, document.body, { quietMs: 100, maxMs: 500 }).then(() => (settled = true));
    for (let i = 0; i < 10 && !settled; i++) {
      document.body.append(document.createElement('p'));
      await vi.advanceTimersByTimeAsync(60);
    }
    expect(settled).toBe(true);
    ctx.notifyInvalidated();
  });

  it('takes the annotations down on a URL change and redoes them once the page settled', async () => {
    const { location } = stubPage();
    const ctx = new ContentScriptContext('test');
    const calls: string[] = [];
    followSpaNavigation(ctx, { onLeave: () => calls.push('leave'), onArrive: (url) => void calls.push(`arrive ${url.pathname}`) }, { quietMs: 100 });

    location.href = 'https://news.example/article-1';
    await vi.advanceTimersByTimeAsync(1000); // WXT polls the URL every second without the Navigation API
    expect(calls).toEqual(['leave']);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toEqual(['leave', 'arrive /article-1']);
    ctx.notifyInvalidated();
  });

  it('a newer navigation supersedes one still settling', async () => {
    const { location } = stubPage();
    const ctx = new ContentScriptContext('test');
    const arrived: string[] = [];
    followSpaNavigation(ctx, { onLeave: () => {}, onArrive: (url) => void arrived.push(url.pathname) }, { quietMs: 1500 });
    location.href = 'https://news.example/a';
    await vi.advanceTimersByTimeAsync(1000);
    location.href = 'https://news.example/b';
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(arrived).toEqual(['/b']);
    ctx.notifyInvalidated();
  });

  it('stops when the content script is invalidated', async () => {
    const { location } = stubPage();
    const ctx = new ContentScriptContext('test');
    const calls: string[] = [];
    followSpaNavigation(ctx, { onLeave: () => calls.push('leave'), onArrive: () => void calls.push('arrive') });
    ctx.notifyInvalidated();
    location.href = 'https://news.example/elsewhere';
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual([]);
  });
});
