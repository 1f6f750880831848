/**
 * The toolbar badge marks a page about the subject. The content script reports its verdict;
 * the background sets a per-tab badge, which the browser clears when the tab navigates away.
 */
import { browser } from 'wxt/browser';
import type { VerdictMessage } from '../lib/messages';

const BADGE_TEXT = '●';
const BADGE_COLOR = '#b4232c';

/** `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** Content script side: tell the background what this page is. Failures are harmless. */
export function reportVerdict(verdict: Omit<VerdictMessage, 'type'>): void {
  const message: VerdictMessage = { type: 'verdict', relevant: verdict.relevant, score: verdict.score };
  browser.runtime.sendMessage(message).catch(() => {
    // The background may be restarting; the badge is a hint, the panel is the feature.
  });
}

/** Background side: set or clear the badge of `tabId`. */
export async function showVerdictBadge(tabId: number, verdict: Omit<VerdictMessage, 'type'>): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  if (!verdict.relevant) {
    await action.setBadgeText({ tabId, text: '' });
    await action.setTitle({ tabId, title: 'Nadzor Watch' });
    return;
  }
  await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  await action.setBadgeText({ tabId, text: BADGE_TEXT });
  await action.setTitle({
    tabId,
    title: `Nadzor Watch: this page is about biometric surveillance in Serbia (score ${Math.round(verdict.score * 100)}%)`,
  });
}
