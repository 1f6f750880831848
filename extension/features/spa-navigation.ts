/**
 * Single-page navigation: a site that swaps the article with history.pushState does not reload
 * the content script, so the annotations are redone when WXT reports `wxt:locationchange` and
 * the new content has settled (the event fires when the URL changes, often before the site
 * has rendered the new article).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface SettleOptions {
  /** Settled once the page has not changed for this long. Default 400 ms. */
  quietMs?: number;
  /** Give up waiting after this long. Default 4000 ms. */
  maxMs?: number;
}

/**
 * Resolves when `target` has had no DOM changes for `quietMs`, or after `maxMs`, or when the
 * content script is invalidated. Plain timers with one invalidation hook, removed when done:
 * ctx.setTimeout would add a listener per DOM change on a busy page.
 */
export function waitForSettled(ctx: ContentScriptContext, target: Node, options: SettleOptions = {}): Promise<void> {
  const quietMs = options.quietMs ?? 400;
  const maxMs = options.maxMs ?? 4000;
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let limit: ReturnType<typeof setTimeout> | undefined;
    let stopWatchingInvalidation = (): void => {};
    const finish = (): void => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      stopWatchingInvalidation();
      resolve();
    };
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(finish, quietMs);
    });
    observer.observe(target, { childList: true, subtree: true, characterData: true });
    quiet = setTimeout(finish, quietMs);
    limit = setTimeout(finish, maxMs);
    stopWatchingInvalidation = ctx.onInvalidated(finish);
  });
}

/**
 * Calls `onLeave` as soon as the URL changes (to take the old page's annotations down) and
 * `onArrive` once the new page has settled. A newer navigation supersedes an older one.
 */
export function followSpaNavigation(
  ctx: ContentScriptContext,
  handlers: { onLeave(): void; onArrive(url: URL): void | Promise<void> },
  options?: SettleOptions,
): void {
  let navigation = 0;
  ctx.addEventListener(window, 'wxt:locationchange', async (event) => {
    const mine = ++navigation;
    handlers.onLeave();
    await waitForSettled(ctx, document.body ?? document.documentElement, options);
    if (mine === navigation && ctx.isValid) await handlers.onArrive(event.newUrl);
  });
}
