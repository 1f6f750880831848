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
import { actions } from '../../shared/context/actions';
import { figures } from '../../shared/context/figures';
import { law } from '../../shared/context/law';
import { formatDate, localize, localizeValue, type UiLang } from '../../shared/context/localize';
import { entriesForTopics, type TimelineMatch } from '../../shared/context/select';
import type { Entry, GlossaryTerm } from '../../shared/context/types';
import type { Topic } from '../../shared/model/types';
import type { RelatedArticle } from '../lib/api-client';
import { h, externalLink } from '../../shared/dom/h';
import { format, strings, topicLabel, type Strings } from '../lib/i18n';
import { allEvents, KNOWLEDGE_AS_OF, latestEvents, relatedForPanel, shortText, sourcesOf } from '../lib/panel-content';
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
  /** Glossary terms found in the article. */
  terms: GlossaryTerm[];
  collapsed: boolean;
  related: RelatedState;
  /** The page's own theme (lib/page-theme.ts); default light. */
  theme?: Theme;
}

export interface PanelView {
  element: HTMLElement;
  /** The container the glossary popover goes into (beside the panel, same shadow root). */
  layer: HTMLElement;
  setCollapsed(collapsed: boolean): void;
  setRelated(state: RelatedState): void;
}

const LATEST = 3;
const FIGURE_LIMIT = 3;
const LAW_LIMIT = 2;
const ACTION_LIMIT = 3;
const SUMMARY_TOPICS = 3;

/** "face recognition, the law" in the sentence's case: labels are written capitalised. */
function inSentence(label: string, lang: UiLang): string {
  if (/^(Huawei|Хуавеј)/.test(label)) return label;
  return lang === 'en' || label.length < 2 ? label.charAt(0).toLowerCase() + label.slice(1) : label.charAt(0).toLocaleLowerCase('sr') + label.slice(1);
}

/** The one-line summary: what the article touches on, in the campaign's terms. */
export function summaryLine(topics: readonly Topic[], lang: UiLang): string {
  const s = strings(lang);
  const labels = topics.slice(0, SUMMARY_TOPICS).map((t) => inSentence(topicLabel(t, lang), lang));
  const joiner = lang === 'en' ? ' and ' : lang === 'sr-Latn' ? ' i ' : ' и ';
  // "a, b and c"; only commas when a label has its own "and" ("impact assessment and Commissioner").
  const plain = labels.length <= 1 || labels.some((l) => l.includes(joiner));
  const list = plain ? labels.join(', ') : `${labels.slice(0, -1).join(', ')}${joiner}${labels[labels.length - 1]}`;
  return format(s.summary, { topics: list });
}

function section(doc: Document, id: string, heading: string, ...content: Array<Node | false>): HTMLElement {
  return h(doc, 'section', { class: `section section-${id}`, attrs: { 'data-section': id } }, h(doc, 'h2', {}, heading), ...content);
}

function disclosure(doc: Document, id: string, heading: string, ...content: Array<Node | false>): HTMLDetailsElement {
  return h(doc, 'details', { class: `section section-${id}`, attrs: { 'data-section': id } }, h(doc, 'summary', {}, h(doc, 'h2', {}, heading)), ...content);
}

function eventItem(doc: Document, e: TimelineMatch, lang: UiLang, withSummary: boolean): HTMLElement {
  return h(doc, 'li', { class: e.matches ? 'event match' : 'event', attrs: { 'data-event': e.id, 'data-match': String(e.matches) } },
    h(doc, 'time', { attrs: { datetime: e.date } }, formatDate(e.date, lang)),
    ' ',
    h(doc, 'span', { class: 'event-title' }, localize(e.title, lang)),
    // A sentence or two, not the whole entry: the panel is read at a glance.
    withSummary && h(doc, 'p', { class: 'event-summary' }, shortText(localize(e.summary, lang)).short),
  );
}

function relatedList(doc: Document, s: Strings, lang: UiLang, state: RelatedState): HTMLElement {
  if (state.status === 'loading') return h(doc, 'p', { class: 'muted', attrs: { role: 'status' } }, s.relatedLoading);
  if (state.status === 'error') return h(doc, 'p', { class: 'muted' }, s.relatedError);
  if (state.status !== 'ok' || state.articles.length === 0) return h(doc, 'p', { class: 'muted' }, s.relatedNone);
  const locale = lang === 'en' ? 'en-GB' : lang === 'sr-Latn' ? 'sr-Latn-RS' : 'sr-Cyrl-RS';
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return h(doc, 'ul', { class: 'related' },
    ...relatedForPanel(state.articles).map((a) => {
      const date = a.published && !Number.isNaN(Date.parse(a.published)) ? fmt.format(new Date(a.published)) : '';
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
    h(doc, 'span', { class: 'title' }, s.tab),
    h(doc, 'span', { class: 'chevron', attrs: { 'aria-hidden': 'true' } }),
  );

  // The opened panel's content is built when it is first opened: a closed tab costs the page
  // almost nothing (the budget: `npm run bench -- extension`).
  const body = h(doc, 'div', { class: 'body', attrs: { id: bodyId } });
  let built: { relatedSection: HTMLElement; relatedBox: HTMLElement } | null = null;
  let related: RelatedState = model.related;
  const fill = () => {
    const shown: Entry[] = [];
    const latest = latestEvents(topics, LATEST);
    shown.push(...latest);
    const latestSection = section(doc, 'latest', s.latest,
      h(doc, 'ol', { class: 'timeline latest' }, ...latest.map((e) => eventItem(doc, e, lang, true))),
      h(doc, 'p', { class: 'as-of' }, format(s.knowledgeAsOf, { date: formatDate(KNOWLEDGE_AS_OF, lang) })),
    );

    const legal = entriesForTopics(law, topics, { limit: LAW_LIMIT });
    shown.push(...legal);
    const lawSection = legal.length > 0 && section(doc, 'law', s.law,
      h(doc, 'ul', { class: 'law' },
        ...legal.map((l) => h(doc, 'li', { attrs: { 'data-law': l.id } }, h(doc, 'strong', {}, localize(l.name, lang)), h(doc, 'p', {}, localize(l.summary, lang)))),
      ),
    );

    const keyFigures = entriesForTopics(figures, topics, { limit: FIGURE_LIMIT });
    shown.push(...keyFigures);
    const figureSection = keyFigures.length > 0 && section(doc, 'figures', s.figures,
      h(doc, 'ul', { class: 'figures' },
        ...keyFigures.map((f) =>
          h(doc, 'li', { attrs: { 'data-figure': f.id } },
            h(doc, 'span', { class: 'value' }, localizeValue(f.value, lang)),
            ' ',
            h(doc, 'span', { class: 'label' }, localize(f.label, lang)),
            h(doc, 'span', { class: 'meta' }, ` (${s.asOf} ${formatDate(f.asOf, lang)})`),
          ),
        ),
      ),
    );

    const todo = entriesForTopics(actions, topics, { limit: ACTION_LIMIT });
    shown.push(...todo);
    const actionSection = todo.length > 0 && section(doc, 'actions', s.actions,
      h(doc, 'ul', { class: 'actions' },
        ...todo.map((a) =>
          h(doc, 'li', { attrs: { 'data-action': a.id } },
            h(doc, 'strong', {}, a.url ? externalLink(doc, a.url, localize(a.title, lang)) : localize(a.title, lang)),
            h(doc, 'p', {}, localize(a.howTo, lang)),
          ),
        ),
      ),
    );

    const sources = sourcesOf(shown);
    const sourceSection = sources.length > 0 && section(doc, 'sources', s.sources,
      h(doc, 'ul', { class: 'sources' }, ...sources.map((src) => h(doc, 'li', {}, src.url ? externalLink(doc, src.url, src.title) : src.title))),
    );

    // The whole timeline, behind a disclosure: the article's topics, or every topic on request.
    const eventList = h(doc, 'ol', { class: 'timeline all' });
    const filter = h(doc, 'button', { class: 'link-button', attrs: { type: 'button', 'aria-pressed': 'false' } });
    const timelineHeading = h(doc, 'h2', {});
    const showEvents = (all: boolean) => {
      const events = allEvents(topics, all);
      eventList.replaceChildren(...events.map((e) => eventItem(doc, e, lang, false)));
      filter.textContent = all ? s.onlyArticleTopics : s.allTopics;
      filter.setAttribute('aria-pressed', String(all));
      timelineHeading.textContent = format(s.allEvents, { n: String(events.length) });
    };
    filter.addEventListener('click', () => showEvents(filter.getAttribute('aria-pressed') !== 'true'));
    showEvents(false);
    const timeline = h(doc, 'details', { class: 'section section-timeline', attrs: { 'data-section': 'timeline' } },
      h(doc, 'summary', {}, timelineHeading),
      filter,
      eventList,
    );

    const termSection = model.terms.length > 0 && disclosure(doc, 'terms', s.terms,
      h(doc, 'dl', { class: 'terms' },
        ...model.terms.flatMap((t) => [
          h(doc, 'dt', { attrs: { 'data-term': t.id } }, localize(t.term, lang)),
          h(doc, 'dd', {}, localize(t.definition, lang)),
        ]),
      ),
    );

    const relatedBox = h(doc, 'div', { class: 'related-box', attrs: { 'aria-live': 'polite' } });
    const relatedSection = section(doc, 'related', s.related, relatedBox);

    body.append(
      ...[h(doc, 'p', { class: 'summary', attrs: { 'data-section': 'summary' } }, summaryLine(topics, lang)),
        latestSection, lawSection, figureSection, actionSection, sourceSection, timeline, termSection, relatedSection].filter((x): x is HTMLElement => x !== false),
    );
    return { relatedSection, relatedBox };
  };
  const showRelated = () => {
    if (!built) return;
    built.relatedSection.toggleAttribute('hidden', related.status === 'off');
    built.relatedBox.replaceChildren(relatedList(doc, s, lang, related));
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
      if (!collapsed && !built) {
        built = fill();
        showRelated();
      }
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
      view = buildPanel(document, model, onToggle);
      container.append(view.element, view.layer);
      return view;
    },
  });
  ui.mount();
  return { view: view!, host: ui.shadowHost, place: (p) => applyPlacement(ui.shadowHost, p), remove: () => ui.remove() };
}
