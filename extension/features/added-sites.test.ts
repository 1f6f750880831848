import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sitesSetting } from '../lib/settings';
import { ADDED_SITES_SCRIPT_ID, CONTENT_SCRIPT_FILE, shouldRunOn, syncAddedSites } from './added-sites';

describe('shouldRunOn', () => {
  it('runs on default sites unless switched off, and on added ones', () => {
    expect(shouldRunOn('www.danas.rs', { added: [], disabled: [] })).toBe(true);
    expect(shouldRunOn('www.danas.rs', { added: [], disabled: ['danas.rs'] })).toBe(false);
    expect(shouldRunOn('news.example.org', { added: ['example.org'], disabled: [] })).toBe(true);
    expect(shouldRunOn('sport.danas.rs', { added: [], disabled: ['danas.rs'] })).toBe(false);
    expect(shouldRunOn('127.0.0.1', { added: [], disabled: ['danas.rs'] })).toBe(true);
  });
});

describe('syncAddedSites', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  function stubScripting(registered: string[] = []) {
    const api = fakeBrowser.scripting as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    return {
      get: vi.spyOn(api, 'getRegisteredContentScripts').mockResolvedValue(registered.map((id) => ({ id }))),
      register: vi.spyOn(api, 'registerContentScripts').mockResolvedValue(undefined),
      update: vi.spyOn(api, 'updateContentScripts').mockResolvedValue(undefined),
      unregister: vi.spyOn(api, 'unregisterContentScripts').mockResolvedValue(undefined),
    };
  }

  it('registers the content script for added hosts whose permission was granted', async () => {
    await sitesSetting.setValue({ added: ['example.org', 'nogrant.org', 'danas.rs'], disabled: [] });
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) => !p.origins?.[0]?.includes('nogrant'));
    const s = stubScripting();
    expect(await syncAddedSites()).toEqual(['*://*.example.org/*']);
    expect(s.register).toHaveBeenCalledWith([
      { id: ADDED_SITES_SCRIPT_ID, matches: ['*://*.example.org/*'], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  });

  it('updates an existing registration and removes it when nothing is left', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    await sitesSetting.setValue({ added: ['example.org'], disabled: [] });
    let s = stubScripting([ADDED_SITES_SCRIPT_ID]);
    await syncAddedSites();
    expect(s.update).toHaveBeenCalled();
    vi.restoreAllMocks();
    await sitesSetting.setValue({ added: [], disabled: [] });
    s = stubScripting([ADDED_SITES_SCRIPT_ID]);
    await syncAddedSites();
    expect(s.unregister).toHaveBeenCalledWith({ ids: [ADDED_SITES_SCRIPT_ID] });
  });
});
