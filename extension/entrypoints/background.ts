/**
 * The background: classifies articles for the content script (off the page's main thread),
 * chooses what the opened panel shows (from the campaign knowledge, kept out of the content script),
 * sets the toolbar badge from the content script's verdict, answers related-coverage requests (only with a server configured) and keeps the content script registered
 * on the sites the reader added. Every message is validated and must come from this
 * extension's own content script.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { syncAddedSites } from '../features/added-sites';
import { serveRelatedCoverage } from '../features/related-coverage';
import { showVerdictBadge } from '../features/toolbar-badge';
import { answerClassify } from '../lib/classify-answer';
import { selectPanelContent, type PanelContent } from '../lib/panel-content';
import { isOwnSender, parseBackgroundMessage, type ClassifyAnswer, type RelatedResponse } from '../lib/messages';
import { sitesSetting } from '../lib/settings';

function resync(): void {
  syncAddedSites().catch((error: unknown) => console.warn('Nadzor Watch: could not register added sites', error));
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender, sendResponse: (response: RelatedResponse | ClassifyAnswer | PanelContent) => void) => {
    if (!isOwnSender(sender, browser.runtime.id, 'content-script')) return false;
    const message = parseBackgroundMessage(raw);
    if (!message) return false;
    if (message.type === 'verdict') {
      showVerdictBadge(sender.tab!.id!, message).catch(() => {
        // The tab may be gone already.
      });
      return false;
    }
    if (message.type === 'classify') {
      sendResponse(answerClassify(message));
      return false;
    }
    if (message.type === 'panel-content') {
      sendResponse(selectPanelContent(message.topics));
      return false;
    }
    serveRelatedCoverage(message).then(sendResponse, () => sendResponse({ ok: false, error: 'request failed' }));
    return true; // the answer comes asynchronously
  });

  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  sitesSetting.watch(resync);
});
