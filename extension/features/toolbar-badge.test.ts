import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reportVerdict, showVerdictBadge } from './toolbar-badge';

describe('toolbar badge', () => {
  beforeEach(() => fakeBrowser.reset());

  it('marks a tab whose page is about the subject and clears it otherwise', async () => {
    await showVerdictBadge(7, { relevant: true, score: 0.93 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('●');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toContain('93%');
    await showVerdictBadge(7, { relevant: false, score: 0.1 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('the content script reports only the verdict and the score', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => void seen.push(m));
    reportVerdict({ relevant: true, score: 0.5 });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([{ type: 'verdict', relevant: true, score: 0.5 }]);
  });
});
