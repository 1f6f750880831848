/**
 * The content script on news pages: extract the article, have the extension's background
 * classify it (and find the glossary terms in it), and only when it is about biometric
 * surveillance in Serbia mount the campaign-context panel (a closed tab; its content comes from
 * the background when first opened), then underline the glossary terms when the page is idle.
 * Nothing leaves the tab unless the reader configured a server, and then only the topics and
 * title terms (features/related-coverage.ts).
 *
 * Every byte here is compiled on every matching news page, so the classifier, the campaign
 * knowledge and the glossary live in the background, and the work before the tab appears is
 * kept to the article's text (one bounded pass), the page's colours and a few hit tests.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { classifyOffPage } from '../../features/background-classify';
import { mountContextPanel, type MountedPanel } from '../../features/context-panel';
import { requestPanelContent } from '../../features/background-panel-content';
import { highlightGlossary, type Highlights } from '../../features/glossary-highlights';
import { attachGlossaryPopover, type GlossaryPopover } from '../../features/glossary-popover';
import { domProbe, edgeInsets } from '../../features/page-probe';
import { requestRelatedCoverage } from '../../features/related-coverage';
import { followSpaNavigation, waitForSettled } from '../../features/spa-navigation';
import { reportVerdict } from '../../features/toolbar-badge';
import { looksLikeArticle, runsOnHost } from '../../lib/site-addresses';
import { extractArticle } from '../../lib/extract-article';
import { isOwnSender, parseContentMessage, type VerdictReport } from '../../lib/messages';
import { toVerdictReport } from '../../lib/page-verdict';
import { pageTheme } from '../../lib/page-theme';
import { panelLanguage } from '../../lib/panel-language';
import { choosePlacement, type Placement } from '../../lib/placement';
import {
  highlightsSetting,
  languageSetting,
  openSitesSetting,
  opensOn,
  readSettings,
  rememberOpen,
  serverUrlSetting,
} from '../../lib/settings';
// The stylesheet goes into the shadow root as text: no CSS file is exposed to web pages as a
// web-accessible resource, and nothing is fetched, not even from the extension itself.
import panelCss from './style.css?inline';

export default defineContentScript({
  // The default sites (lib/default-sites.ts's DEFAULT_MATCHES) are filled in at build time by
  // wxt.config.ts, so the feed registry they come from is not part of this script's code;
  // EXTENSION_EXTRA_MATCHES adds test hosts, and sites the reader adds are registered at run
  // time (features/added-sites.ts).
  matches: [],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const settings = await readSettings();
    if (!runsOnHost(location.hostname, settings.sites)) return;
    await annotatePages(ctx, settings);
  },
});

interface Annotation {
  panel?: MountedPanel;
  highlights?: Highlights;
  popover?: GlossaryPopover;
  /** Cancels the glossary highlighting still waiting for an idle moment. */
  cancelIdle?: () => void;
}

/**
 * Runs `fn` when the page's main thread is idle (at the latest after `timeout` ms); returns a
 * cancel function.
 */
function whenIdle(fn: () => void, timeout: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(fn, { timeout });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 50);
  return () => clearTimeout(id);
}

/** The closed tab's size before it is measured (about 0.4% of a 1280×900 window). */
const TAB_ESTIMATE = { width: 150, height: 36 };

/** A free edge for a tab of `tab`'s size, clear of the page's fixed bars and its text. */
function placeTab(host: Element | null, tab: { width: number; height: number }): Placement {
  return choosePlacement({
    viewport: { width: window.innerWidth, height: window.innerHeight },
    tab,
    ...edgeInsets(document, host),
    probe: domProbe(document, host),
  });
}

async function annotatePages(ctx: ContentScriptContext, initial: Awaited<ReturnType<typeof readSettings>>): Promise<void> {
  const settings = { ...initial };
  let current: Annotation = {};
  let verdict: VerdictReport | null = null;
  let run = 0;

  const clear = (): void => {
    run++;
    current.cancelIdle?.();
    current.popover?.remove();
    current.panel?.remove();
    current.highlights?.remove();
    current = {};
  };

  // Fixed bars come and go (cookie banners, a bottom bar shown on scroll): look again when the
  // reader stops scrolling or resizing, at most every 300 ms; a few hit tests each time.
  let replaceTimer: ReturnType<typeof setTimeout> | undefined;
  const replaceSoon = (): void => {
    clearTimeout(replaceTimer);
    replaceTimer = setTimeout(() => {
      const panel = current.panel;
      if (!panel) return;
      const tab = panel.view.element.querySelector('button.toggle')?.getBoundingClientRect();
      panel.place(placeTab(panel.host, tab && tab.width > 0 ? { width: tab.width, height: tab.height } : TAB_ESTIMATE));
    }, 300);
  };
  ctx.addEventListener(window, 'resize', replaceSoon);
  ctx.addEventListener(window, 'scroll', replaceSoon, { passive: true });

  const annotate = async (): Promise<void> => {
    clear();
    const mine = run;
    // The work below (not the wait for the background's answer) shows in DevTools' Performance
    // panel, and in `npm run bench -- extension`, as the user-timing measure "nadzor:annotate".
    const started = performance.now();
    let work = 0;
    // A home or section page of a site with known article addresses: nothing to read.
    if (!looksLikeArticle(location.hostname, location.pathname + location.search)) return;
    const article = extractArticle(document, location.hostname);
    work += performance.now() - started;
    const classification = await classifyOffPage({ title: article.title, text: article.text, lang: article.htmlLang || undefined });
    if (mine !== run || !classification) return;
    let resumed = performance.now();
    const uiLang = panelLanguage(settings.language, {
      htmlLang: article.htmlLang,
      script: classification.script,
      textLang: classification.lang,
    });
    verdict = toVerdictReport(classification, uiLang);
    reportVerdict(verdict);
    if (!classification.relevant) return;

    // Read the page's geometry and colours while its layout is still clean (no forced
    // re-layout), then change it: our host now, the underlines when the page is idle.
    const theme = pageTheme(document, article.root);
    const placement = placeTab(null, TAB_ESTIMATE);
    // The glossary terms of the article, found by the background (lib/classify-answer.ts).
    const terms = classification.glossary;
    // First appearance: a closed tab, unless the reader opened the panel on this site before.
    const collapsed = !opensOn(settings.openSites, location.hostname);
    let host: HTMLElement | null = null;
    const mounting = mountContextPanel(
      ctx,
      {
        lang: uiLang,
        topics: classification.topics,
        terms,
        collapsed,
        related: settings.serverUrl ? { status: 'loading' } : { status: 'off' },
        theme,
      },
      (nowCollapsed) => {
        host?.toggleAttribute('data-open', !nowCollapsed);
        settings.openSites = rememberOpen(settings.openSites, location.hostname, !nowCollapsed);
        void openSitesSetting.setValue(settings.openSites);
      },
      () => requestPanelContent(classification.topics),
      panelCss,
      placement,
    );
    // Not counted: the wait between mounting's steps, when other tasks may run.
    work += performance.now() - resumed;
    const panel = await mounting;
    resumed = performance.now();
    host = panel.host;
    host.toggleAttribute('data-open', !collapsed);
    if (mine !== run) {
      panel.remove();
      return;
    }
    const popover = settings.highlights && terms.length > 0 ? attachGlossaryPopover(article.root, panel.view.layer, terms, uiLang) : undefined;
    current = { panel, popover };
    work += performance.now() - resumed;
    performance.measure('nadzor:annotate', { start: started, duration: work });
    // Now that the tab is on the page, place it by its real size (our host excluded).
    replaceSoon();
    // The underlines: not before the tab appears, and in an idle moment of the page (measured
    // apart, as "nadzor:highlight"). The walk stops once every term is underlined.
    if (settings.highlights && terms.length > 0) {
      current.cancelIdle = whenIdle(() => {
        if (mine !== run || !article.root.isConnected) return;
        current.cancelIdle = undefined;
        const begun = performance.now();
        current.highlights = highlightGlossary(article.root, uiLang, terms);
        performance.measure('nadzor:highlight', { start: begun, end: performance.now() });
      }, 2_000);
    }

    if (settings.serverUrl) {
      const response = await requestRelatedCoverage({
        topics: classification.topics,
        terms: classification.titleTerms,
        lang: classification.lang === 'en' ? 'en' : 'sr',
      });
      if (mine !== run) return;
      panel.view.setRelated(response.ok ? { status: 'ok', articles: response.articles } : { status: 'error' });
    }
  };

  ctx.onInvalidated(clear);

  // The popup asks for the verdict of the page it was opened on.
  const onMessage = (raw: unknown, sender: { id?: string; tab?: { id?: number } }, sendResponse: (r: VerdictReport | null) => void): false => {
    if (isOwnSender(sender, browser.runtime.id, 'extension-page') && parseContentMessage(raw)) sendResponse(verdict);
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // Changes made in the options page apply at once.
  const rerun = (): void => {
    void readSettings().then((next) => {
      Object.assign(settings, next);
      return annotate();
    });
  };
  for (const item of [languageSetting, highlightsSetting, serverUrlSetting]) ctx.onInvalidated(item.watch(rerun));

  followSpaNavigation(ctx, { onLeave: clear, onArrive: annotate });

  // Pages that render their article after load: let the DOM settle briefly first.
  await waitForSettled(ctx, document.body ?? document.documentElement, { quietMs: 150, maxMs: 1500 });
  if (ctx.isValid) await annotate();
}
