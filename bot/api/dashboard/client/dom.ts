/**
 * The dashboard's page-specific DOM helpers. Elements are built with the shared `h()`
 * (shared/dom/h.ts: feed text only ever becomes text nodes) and links checked with the shared
 * http(s) check (shared/url/http-url.ts).
 */
import { h, type Child } from '../../../../shared/dom/h';

/** The element with this id; the page's markup is ours, so a missing one is a bug. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
}

/** `el('td', { scope: 'row' }, ...)`: the shared h() on this page's document, attributes given plainly. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return h(document, tag, { attrs }, ...children);
}
