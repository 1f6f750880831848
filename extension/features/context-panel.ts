/**
 * The campaign-context panel. It first appears as a small tab on a free edge of the viewport
 * (lib/placement.ts chooses where: clear of the page's fixed bars, not over its text); one
 * click opens it, and the choice is remembered per site by the caller. Opened, it reads top to
 * bottom: a one-line summary in campaign terms, the three latest events of the article's topics
 * with the date the knowledge runs to, what the law says, key figures, what you can do, the
 * sources; the whole timeline (the article's topics by default) and the glossary terms sit
 * behind disclosures. Built with createElement/textContent only, in a shadow root whose
 * fixed-position host hangs off <html>, so the page's layout and styles and ours never touch.
 * Keyboard: the tab is a real button, Escape closes and returns focus to it.
 *
 * The shadow root also holds the glossary popover (features/glossary-popover.ts).
 */
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { UiLang } from '../../shared/context/localize';
import type { Topic } from '../../shared/model/types';
import type { RelatedArticle } from '../lib/api-client';
import type { PageTerm } from '../lib/messages';
import { h } from '../../shared/dom/h';
import { strings } from '../lib/i18n';
import type { PanelContent } from '../lib/panel-content';
import { fillPanelBody, relatedList, type FilledBody } from './panel-body';
import type { Placement } from '../lib/placement';
import type { Theme } from '../lib/page-theme';

/** The attribute other tools (and the end-to-end tests) find the panel's host by. */
export const PANEL_ATTRIBUTE = 'data-nadzor-panel';

export type RelatedState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'ok'; articles: RelatedArticle[] }
  | { status: 'error' };

export interface PanelModel {
  lang: UiLang;
  topics: Topic[];
  /** Glossary terms found in the article (by the background, lib/classify-answer.ts). */
  terms: PageTerm[];
  collapsed: boolean;
  related: RelatedState;
  /** The page's own theme (lib/page-theme.ts); default light. */
  theme?: Theme;
}

/**
 * What the opened panel shows (lib/panel-content.ts): given at once (tests), or asked of the
 * extension's background the first time the panel opens (features/background-panel-content.ts).
 */
export type LoadPanelBody = () => PanelContent | Promise<PanelContent>;

export interface PanelView {
  element: HTMLElement;
  /** The container the glossary popover goes into (beside the panel, same shadow root). */
  layer: HTMLElement;
  setCollapsed(collapsed: boolean): void;
  setRelated(state: RelatedState): void;
}

/** The panel's DOM for `model`; `onToggle` hears the new collapsed state. */
export function buildPanel(doc: Document, model: PanelModel, onToggle: (collapsed: boolean) => void, loadBody: LoadPanelBody): PanelView {
  const { lang } = model;
  const s = strings(lang);
  const bodyId = 'nadzor-panel-body';

  const toggle = h(doc, 'button', { class: 'toggle', attrs: { type: 'button', 'aria-controls': bodyId } },
    h(doc, 'span', { class: 'mark', attrs: { 'aria-hidden': 'true' } }, '◉'),
    h(doc, 'span', { class: 'brand' }, 'Nadzor Watch'),
    h(doc, 'span', { class: 'title' }, s.tab),
    h(doc, 'span', { class: 'chevron', attrs: { 'aria-hidden': 'true' } }),
  );

  const body = h(doc, 'div', { class: 'body', attrs: { id: bodyId } });
  let built: FilledBody | null = null;
  let related: RelatedState = model.related;
  // The opened panel's content is built when it is first opened, from what the background
  // chooses from the campaign knowledge (not part of the content script): a closed tab costs
  // the page almost nothing (the budget: `npm run bench -- extension`).
  let loading = false;
  const open = (): void => {
    if (built || loading) return;
    const fill = (content: PanelContent): void => {
      built = fillPanelBody(doc, model, body, content);
      showRelated();
    };
    const source = loadBody();
    if (!(source instanceof Promise)) return fill(source);
    loading = true;
    body.replaceChildren(h(doc, 'p', { class: 'muted', attrs: { role: 'status' } }, s.loading));
    source.then(
      (m) => {
        body.replaceChildren();
        fill(m);
      },
      () => {
        loading = false;
        body.replaceChildren(h(doc, 'p', { class: 'muted', attrs: { role: 'alert' } }, s.loadError));
      },
    );
  };
  const showRelated = () => {
    if (!built) return;
    built.relatedSection.toggleAttribute('hidden', related.status === 'off');
    built.relatedBox.replaceChildren(relatedList(doc, lang, related));
  };

  const element = h(doc, 'aside', { class: `panel theme-${model.theme ?? 'light'}`, attrs: { lang, 'aria-label': s.panelLabel } },
    h(doc, 'header', {}, toggle),
    body,
  );
  const layer = h(doc, 'div', { class: `layer theme-${model.theme ?? 'light'}`, attrs: { lang } });

  const view: PanelView = {
    element,
    layer,
    setCollapsed(collapsed) {
      if (!collapsed) open();
      element.classList.toggle('collapsed', collapsed);
      body.toggleAttribute('hidden', collapsed);
      toggle.setAttribute('aria-expanded', String(!collapsed));
      toggle.setAttribute('title', collapsed ? s.expand : s.collapse);
    },
    setRelated(state) {
      related = state;
      showRelated();
    },
  };
  toggle.addEventListener('click', () => {
    const collapsed = !element.classList.contains('collapsed');
    view.setCollapsed(collapsed);
    onToggle(collapsed);
  });
  element.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Escape' || element.classList.contains('collapsed')) return;
    view.setCollapsed(true);
    onToggle(true);
    toggle.focus();
  });
  view.setCollapsed(model.collapsed);
  view.setRelated(model.related);
  return view;
}

export interface MountedPanel {
  view: PanelView;
  host: HTMLElement;
  /** Moves the panel to `placement` (a free edge, clear of the page's bars). */
  place(placement: Placement): void;
  remove(): void;
}

/**
 * Places the host: custom properties on the host element, read by the shadow stylesheet's
 * `:host` rule (which the page cannot outrank: a shadow root's !important wins).
 */
function applyPlacement(host: HTMLElement, p: Placement): void {
  host.style.setProperty('--nw-top', `${Math.round(p.top)}px`);
  host.style.setProperty('--nw-inset-top', `${Math.round(p.insetTop)}px`);
  host.style.setProperty('--nw-inset-bottom', `${Math.round(p.insetBottom)}px`);
  host.setAttribute('data-side', p.side);
}

/**
 * Mounts the panel in a shadow root. The host is appended to <html> (not <body>) and fixed to
 * the viewport by the shadow stylesheet's `:host` rule, so it takes no space in the page's flow.
 */
export async function mountContextPanel(
  ctx: ContentScriptContext,
  model: PanelModel,
  onToggle: (collapsed: boolean) => void,
  loadBody: LoadPanelBody,
  /** The panel's stylesheet (the entrypoint's style.css, imported as text). */
  css: string,
  placement: Placement,
): Promise<MountedPanel> {
  let view: PanelView | undefined;
  const ui: ShadowRootContentScriptUi<PanelView> = await createShadowRootUi(ctx, {
    name: 'nadzor-panel',
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    css,
    // Keys typed in the panel do not reach the page's shortcuts.
    isolateEvents: true,
    onMount(container, _shadow, host) {
      host.setAttribute(PANEL_ATTRIBUTE, '');
      applyPlacement(host, placement);
      view = buildPanel(document, model, onToggle, loadBody);
      container.append(view.element, view.layer);
      return view;
    },
  });
  ui.mount();
  return { view: view!, host: ui.shadowHost, place: (p) => applyPlacement(ui.shadowHost, p), remove: () => ui.remove() };
}
