/**
 * The campaign-context panel: what the article is about, the timeline with the events of the
 * article's topics marked, key figures, the law, the actions, the glossary terms found and,
 * with a server configured, related coverage. Built with createElement/textContent only; it
 * lives in a shadow root whose fixed-position host hangs off <html>, so the page's layout and
 * styles and ours never touch. Collapsible (the state is remembered), keyboard accessible:
 * real buttons and <details>, Escape collapses and returns focus to the toggle.
 */
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { actions } from '../../shared/context/actions';
import { figures } from '../../shared/context/figures';
import { law } from '../../shared/context/law';
import { formatDate, localize, localizeValue, type UiLang } from '../../shared/context/localize';
import { entriesForTopics, eventsForTopics } from '../../shared/context/select';
import type { GlossaryTerm, Source } from '../../shared/context/types';
import type { Topic } from '../../shared/model/types';
import type { RelatedArticle } from '../lib/api-client';
import { h, externalLink, type Child } from '../../shared/dom/h';
import { strings, topicAbout, topicLabel, type Strings } from '../lib/i18n';

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
  /** Glossary terms found in the article. */
  terms: GlossaryTerm[];
  collapsed: boolean;
  related: RelatedState;
}

export interface PanelView {
  element: HTMLElement;
  setCollapsed(collapsed: boolean): void;
  setRelated(state: RelatedState): void;
}

/** The article's first topics get a sentence each; more would push the timeline out of view. */
const ABOUT_LIMIT = 4;
const FIGURE_LIMIT = 4;
const LAW_LIMIT = 3;
const ACTION_LIMIT = 3;

function sourceLine(doc: Document, s: Strings, sources: readonly Source[]): HTMLElement {
  const first = sources[0];
  const title = first.url ? externalLink(doc, first.url, first.title) : first.title;
  return h(doc, 'p', { class: 'source' }, `${s.source}: `, title);
}

function section(doc: Document, id: string, heading: string, open: boolean, ...content: Child[]): HTMLDetailsElement {
  const details = h(doc, 'details', { class: `section section-${id}`, attrs: { 'data-section': id } },
    h(doc, 'summary', {}, h(doc, 'h2', {}, heading)),
    ...content,
  );
  details.toggleAttribute('open', open);
  return details;
}

function relatedList(doc: Document, s: Strings, lang: UiLang, state: RelatedState): HTMLElement {
  if (state.status === 'loading') return h(doc, 'p', { class: 'muted', attrs: { role: 'status' } }, s.relatedLoading);
  if (state.status === 'error') return h(doc, 'p', { class: 'muted' }, s.relatedError);
  if (state.status !== 'ok' || state.articles.length === 0) return h(doc, 'p', { class: 'muted' }, s.relatedNone);
  const locale = lang === 'en' ? 'en-GB' : lang === 'sr-Latn' ? 'sr-Latn-RS' : 'sr-Cyrl-RS';
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return h(doc, 'ul', { class: 'related' },
    ...state.articles.map((a) => {
      const date = a.published ? fmt.format(new Date(a.published)) : '';
      return h(doc, 'li', {}, externalLink(doc, a.url, a.title), h(doc, 'span', { class: 'meta' }, [a.outlet, date].filter(Boolean).join(' · ')));
    }),
  );
}

/** The panel's DOM for `model`; `onToggle` hears the new collapsed state. */
export function buildPanel(doc: Document, model: PanelModel, onToggle: (collapsed: boolean) => void): PanelView {
  const { lang, topics } = model;
  const s = strings(lang);
  const bodyId = 'nadzor-panel-body';

  const toggle = h(doc, 'button', { class: 'toggle', attrs: { type: 'button', 'aria-controls': bodyId } },
    h(doc, 'span', { class: 'mark', attrs: { 'aria-hidden': 'true' } }, '◉'),
    h(doc, 'span', { class: 'brand' }, 'Nadzor Watch'),
    h(doc, 'span', { class: 'title' }, s.panelTitle),
    h(doc, 'span', { class: 'chevron', attrs: { 'aria-hidden': 'true' } }),
  );

  const about = section(doc, 'about', s.about, true,
    h(doc, 'p', { class: 'intro' }, s.intro),
    h(doc, 'ul', { class: 'topics' },
      ...topics.slice(0, ABOUT_LIMIT).map((t) => h(doc, 'li', { attrs: { 'data-topic': t } }, h(doc, 'strong', {}, topicLabel(t, lang)), ' ', topicAbout(t, lang))),
    ),
  );

  const events = eventsForTopics(topics);
  const timeline = section(doc, 'timeline', s.timeline, true,
    h(doc, 'ol', { class: 'timeline' },
      ...events.map((e) =>
        h(doc, 'li', { class: e.matches ? 'event match' : 'event', attrs: { 'data-event': e.id, 'data-match': String(e.matches) } },
          h(doc, 'time', { attrs: { datetime: e.date } }, formatDate(e.date, lang)),
          ' ',
          h(doc, 'span', { class: 'event-title' }, localize(e.title, lang)),
          e.matches && h(doc, 'span', { class: 'visually-hidden' }, ` (${s.timelineMatch})`),
          e.matches && h(doc, 'p', { class: 'event-summary' }, localize(e.summary, lang)),
        ),
      ),
    ),
  );

  const keyFigures = entriesForTopics(figures, topics, { limit: FIGURE_LIMIT });
  const figureSection = keyFigures.length > 0 && section(doc, 'figures', s.figures, true,
    h(doc, 'ul', { class: 'figures' },
      ...keyFigures.map((f) =>
        h(doc, 'li', { attrs: { 'data-figure': f.id } },
          h(doc, 'span', { class: 'value' }, localizeValue(f.value, lang)),
          ' ',
          h(doc, 'span', { class: 'label' }, localize(f.label, lang)),
          h(doc, 'span', { class: 'meta' }, ` (${s.asOf} ${formatDate(f.asOf, lang)})`),
          f.note && h(doc, 'p', { class: 'note' }, localize(f.note, lang)),
          sourceLine(doc, s, f.sources),
        ),
      ),
    ),
  );

  const legal = entriesForTopics(law, topics, { limit: LAW_LIMIT });
  const lawSection = legal.length > 0 && section(doc, 'law', s.law, false,
    h(doc, 'ul', { class: 'law' },
      ...legal.map((l) =>
        h(doc, 'li', { attrs: { 'data-law': l.id } },
          h(doc, 'strong', {}, localize(l.name, lang)),
          h(doc, 'p', {}, localize(l.summary, lang)),
          sourceLine(doc, s, l.sources),
        ),
      ),
    ),
  );

  const todo = entriesForTopics(actions, topics, { limit: ACTION_LIMIT });
  const actionSection = todo.length > 0 && section(doc, 'actions', s.actions, true,
    h(doc, 'ul', { class: 'actions' },
      ...todo.map((a) =>
        h(doc, 'li', { attrs: { 'data-action': a.id } },
          h(doc, 'strong', {}, a.url ? externalLink(doc, a.url, localize(a.title, lang)) : localize(a.title, lang)),
          h(doc, 'p', {}, localize(a.howTo, lang)),
        ),
      ),
    ),
  );

  const termSection = model.terms.length > 0 && section(doc, 'terms', s.terms, false,
    h(doc, 'dl', { class: 'terms' },
      ...model.terms.flatMap((t) => [
        h(doc, 'dt', { attrs: { 'data-term': t.id } }, localize(t.term, lang)),
        h(doc, 'dd', {}, localize(t.definition, lang)),
      ]),
    ),
  );

  const relatedBox = h(doc, 'div', { class: 'related-box', attrs: { 'aria-live': 'polite' } });
  const relatedSection = section(doc, 'related', s.related, true, relatedBox);

  const body = h(doc, 'div', { class: 'body', attrs: { id: bodyId } },
    about, timeline, figureSection, lawSection, actionSection, termSection, relatedSection,
  );

  const element = h(doc, 'aside', { class: 'panel', attrs: { lang, 'aria-label': s.panelLabel } },
    h(doc, 'header', {}, toggle),
    body,
  );

  const view: PanelView = {
    element,
    setCollapsed(collapsed) {
      element.classList.toggle('collapsed', collapsed);
      body.toggleAttribute('hidden', collapsed);
      toggle.setAttribute('aria-expanded', String(!collapsed));
      toggle.setAttribute('title', collapsed ? s.expand : s.collapse);
    },
    setRelated(state) {
      relatedSection.toggleAttribute('hidden', state.status === 'off');
      relatedBox.replaceChildren(relatedList(doc, s, lang, state));
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
  remove(): void;
}

/**
 * Mounts the panel in a shadow root. The host is appended to <html> (not <body>) and fixed
 * to the viewport's corner by the shadow stylesheet's `:host` rule, so it takes no space in
 * the page's flow.
 */
export async function mountContextPanel(
  ctx: ContentScriptContext,
  model: PanelModel,
  onToggle: (collapsed: boolean) => void,
  /** The panel's stylesheet (the entrypoint's style.css, imported as text). */
  css: string,
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
      view = buildPanel(document, model, onToggle);
      container.append(view.element);
      return view;
    },
  });
  ui.mount();
  return { view: view!, host: ui.shadowHost, remove: () => ui.remove() };
}
