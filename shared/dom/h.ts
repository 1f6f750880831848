/**
 * Building DOM without markup strings, for the dashboard and the browser extension alike:
 * every text goes in as a text node, every attribute through setAttribute. The extension's
 * panel, popup and options pages and the press officers' dashboard are built only with this,
 * so feed, page or server text can never become HTML.
 *
 * The one module in shared/ that speaks DOM. shared/ stays free of DOM at run time all the
 * same: the Document is a parameter, no global (`document`, `window`) is read, and the bot
 * never imports this file, so nothing here runs in Node. Only its types come from lib.dom.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes, set with setAttribute (values are text). */
  attrs?: Record<string, string | undefined>;
  /** Event listeners. */
  on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
}

/** `h(doc, 'a', { attrs: { href } }, 'text', child)`: an element with text and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (props.class) el.setAttribute('class', props.class);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined) el.setAttribute(name, value);
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    if (listener) el.addEventListener(type, listener);
  }
  append(el, ...children);
  return el;
}

/** Append children; strings and numbers become text nodes, falsy values are skipped. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : parent.ownerDocument!.createTextNode(String(child)));
  }
}

/** An external link that opens in a new tab and sends no referrer. */
export function externalLink(doc: Document, href: string, ...children: Child[]): HTMLAnchorElement {
  return h(doc, 'a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer', referrerpolicy: 'no-referrer' } }, ...children);
}
