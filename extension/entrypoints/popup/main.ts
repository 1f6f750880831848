/**
 * The popup: the current page's verdict (score, topics, why), a way to watch the site when
 * the extension does not run there, and, with a server configured, the latest alerts and the
 * coverage counts of the last four weeks.
 */
import { browser } from 'wxt/browser';
import type { UiLang } from '../../../shared/context/localize';
import { localizeReasons } from '../../../shared/classify/localize-reason';
import weights from '../../../shared/classify/weights.json';
import { fetchCoverage, fetchLatestAlerts, totalsByKey, type RelatedArticle } from '../../lib/api-client';
import { h, externalLink } from '../../../shared/dom/h';
import { format, strings, topicLabel, type Strings } from '../../lib/i18n';
import { parseVerdictReport, type GetVerdictMessage, type VerdictReport } from '../../lib/messages';
import { uiLanguage } from '../../lib/panel-language';
import { readSettings } from '../../lib/settings';
import { parseHttpUrl } from '../../../shared/url/http-url';

const app = document.getElementById('app')!;

/** The classifier's own threshold: a page counts as about the subject from this score. */
const MODEL_THRESHOLD = (weights as { threshold: number }).threshold;

type PageState = { kind: 'verdict'; report: VerdictReport } | { kind: 'pending' } | { kind: 'not-watched'; host: string | null };

async function pageState(): Promise<PageState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'not-watched', host: null };
  const host = parseHttpUrl(tab.url)?.hostname ?? null;
  try {
    const message: GetVerdictMessage = { type: 'get-verdict' };
    const report = parseVerdictReport(await browser.tabs.sendMessage(tab.id, message));
    return report ? { kind: 'verdict', report } : { kind: 'pending' };
  } catch {
    // No content script in this tab: not a watched site (or a browser page).
    return { kind: 'not-watched', host };
  }
}

function verdictView(s: Strings, lang: UiLang, state: PageState): HTMLElement {
  if (state.kind === 'pending') return h(document, 'p', { class: 'muted' }, '…');
  if (state.kind === 'not-watched') {
    const host = state.host;
    return h(document, 'div', {},
      h(document, 'p', { class: 'verdict' }, s.notWatched),
      host && h(document, 'button', {
        attrs: { type: 'button', id: 'add-site' },
        on: {
          click: () => {
            const url = new URL(browser.runtime.getURL('/options.html'));
            url.searchParams.set('add', host);
            void browser.tabs.create({ url: url.href });
            window.close();
          },
        },
      }, s.addSite),
    );
  }
  const r = state.report;
  return h(document, 'div', { attrs: { id: 'verdict' } },
    h(document, 'p', { class: r.relevant ? 'verdict relevant' : 'verdict' }, r.relevant ? s.verdictRelevant : s.verdictIrrelevant),
    // Not a bare "Score: 8%": say what the number is and where "relevant" begins.
    h(document, 'p', { class: 'score-line' }, format(s.scoreLine, { score: `${Math.round(r.score * 100)}%`, threshold: `${Math.round(MODEL_THRESHOLD * 100)}%` })),
    r.topics.length > 0 && h(document, 'p', {}, `${s.topics}: `, r.topics.map((t) => topicLabel(t, lang)).join(', ')),
    r.reasons.length > 0 && h(document, 'div', {},
      h(document, 'h2', {}, s.why),
      h(document, 'ul', { class: 'reasons' }, ...localizeReasons(r.reasons, lang).map((reason) => h(document, 'li', {}, reason))),
    ),
  );
}

function articleList(articles: RelatedArticle[]): HTMLElement {
  return h(document, 'ul', {},
    ...articles.map((a) => h(document, 'li', {}, externalLink(document, a.url, a.title), ' ', h(document, 'span', { class: 'meta' }, a.outlet))),
  );
}

async function serverView(s: Strings, server: string): Promise<HTMLElement> {
  const box = h(document, 'section', { attrs: { id: 'server' } });
  try {
    const to = new Date();
    const from = new Date(to.getTime() - 28 * 24 * 3600 * 1000);
    const [latest, coverage] = await Promise.all([fetchLatestAlerts(server), fetchCoverage(server, from, to)]);
    box.append(h(document, 'h2', {}, s.latestAlerts), articleList(latest.articles));
    const totals = totalsByKey(coverage);
    const row = (key: string, label: string) => {
      const t = totals.get(key) ?? { articles: 0, stories: 0 };
      return h(document, 'tr', {},
        h(document, 'th', { attrs: { scope: 'row' } }, label),
        h(document, 'td', { class: 'num' }, t.articles), h(document, 'td', {}, s.articles),
        h(document, 'td', { class: 'num' }, t.stories), h(document, 'td', {}, s.stories),
      );
    };
    box.append(h(document, 'h2', {}, s.coverage), h(document, 'table', {}, h(document, 'tbody', {}, row('domestic', s.domestic), row('international', s.international))));
  } catch {
    box.append(h(document, 'p', { class: 'muted' }, s.serverError));
  }
  return box;
}

async function main(): Promise<void> {
  const settings = await readSettings();
  const state = await pageState();
  const lang =
    settings.language === 'auto' && state.kind === 'verdict'
      ? state.report.uiLang
      : uiLanguage(settings.language, browser.i18n.getUILanguage());
  document.documentElement.lang = lang;
  const s = strings(lang);
  app.replaceChildren(
    h(document, 'h1', {}, 'Nadzor Watch'),
    verdictView(s, lang, state),
    h(document, 'div', { attrs: { id: 'server-slot' } },
      settings.serverUrl ? h(document, 'p', { class: 'muted' }, '…') : h(document, 'p', { class: 'muted' }, s.noServer),
    ),
    h(document, 'p', {}, h(document, 'button', { attrs: { type: 'button' }, on: { click: () => void browser.runtime.openOptionsPage() } }, s.openOptions)),
  );
  if (settings.serverUrl) document.getElementById('server-slot')!.replaceChildren(await serverView(s, settings.serverUrl));
}

void main();
