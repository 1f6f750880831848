/**
 * The opened panel's content, rendered: a one-line summary in campaign terms, the three latest
 * events of the article's topics with the date the knowledge runs to, what the law says, key
 * figures, what you can do, the sources; the whole timeline and the glossary terms behind
 * disclosures; related coverage. What to show is chosen from the campaign knowledge by the
 * extension's background (features/background-panel-content.ts) when the reader first opens
 * the panel: the knowledge is the largest part of the panel's code, and a closed tab costs the
 * page none of it.
 */
import { formatDate, localize, localizeValue, type UiLang } from '../../shared/context/localize';
import type { TimelineMatch } from '../../shared/context/select';
import type { Topic } from '../../shared/model/types';
import { h, externalLink } from '../../shared/dom/h';
import { format, strings, topicLabel, type Strings } from '../lib/i18n';
import type { PanelContent } from '../lib/panel-content';
import { relatedForPanel, shortText } from '../lib/panel-text';
import type { PanelModel, RelatedState } from './context-panel';

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

/** The related-coverage list for `state`, as text only. */
export function relatedList(doc: Document, lang: UiLang, state: RelatedState): HTMLElement {
  const s: Strings = strings(lang);
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

/** The parts of the opened panel that change later: the related-coverage section. */
export interface FilledBody {
  relatedSection: HTMLElement;
  relatedBox: HTMLElement;
}

/** Fills `body` with the opened panel's content for `model`. */
export function fillPanelBody(doc: Document, model: PanelModel, body: HTMLElement, content: PanelContent): FilledBody {
  const { lang, topics } = model;
  const s = strings(lang);
  const latest = content.latest;
  const latestSection = section(doc, 'latest', s.latest,
    h(doc, 'ol', { class: 'timeline latest' }, ...latest.map((e) => eventItem(doc, e, lang, true))),
    h(doc, 'p', { class: 'as-of' }, format(s.knowledgeAsOf, { date: formatDate(content.asOf, lang) })),
  );

  const legal = content.law;
  const lawSection = legal.length > 0 && section(doc, 'law', s.law,
    h(doc, 'ul', { class: 'law' },
      ...legal.map((l) => h(doc, 'li', { attrs: { 'data-law': l.id } }, h(doc, 'strong', {}, localize(l.name, lang)), h(doc, 'p', {}, localize(l.summary, lang)))),
    ),
  );

  const keyFigures = content.figures;
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

  const todo = content.actions;
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

  const sources = content.sources;
  const sourceSection = sources.length > 0 && section(doc, 'sources', s.sources,
    h(doc, 'ul', { class: 'sources' }, ...sources.map((src) => h(doc, 'li', {}, src.url ? externalLink(doc, src.url, src.title) : src.title))),
  );

  // The whole timeline, behind a disclosure: the article's topics, or every topic on request.
  const eventList = h(doc, 'ol', { class: 'timeline all' });
  const filter = h(doc, 'button', { class: 'link-button', attrs: { type: 'button', 'aria-pressed': 'false' } });
  const timelineHeading = h(doc, 'h2', {});
  const showEvents = (all: boolean) => {
    const events = content.events.filter((e) => all || e.matches);
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
}

