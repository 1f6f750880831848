/**
 * The dashboard's one page-specific DOM helper. Elements are built with the shared `h()`
 * (shared/dom/h.ts: feed text only ever becomes text nodes) and links checked with the shared
 * http(s) check (shared/url/http-url.ts).
 */

/** The element with this id; the page's markup is ours, so a missing one is a bug. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
}
