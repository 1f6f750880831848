/**
 * The opened panel's content is chosen in the extension's background: the campaign knowledge
 * (shared/context: timeline, law, figures, actions, sources; about 60 KB of code) is the
 * largest part of the panel, and a content script pays for every byte of its code on every
 * news page it runs on (compiled and run on the page's main thread before anything else), even
 * where the reader never opens the panel. So the content script holds only the closed tab and
 * the rendering (features/panel-body.ts); the first time the reader opens the panel, it asks
 * the background for what to show, by runtime messaging (nothing leaves the browser), and
 * renders it as text. The background answers with lib/panel-content.ts's selectPanelContent
 * (imported there only).
 */
import { browser } from 'wxt/browser';
import type { PanelContentRequest } from '../lib/messages';
import type { PanelContent } from '../lib/panel-content';
import type { Topic } from '../../shared/model/types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The background's answer if it has the panel content's shape, else null. It comes from our
 * own background and is only ever shown as text (links through externalLink), so the shape is
 * what is checked.
 */
export function parsePanelContent(raw: unknown): PanelContent | null {
  if (!isRecord(raw) || typeof raw.asOf !== 'string') return null;
  for (const key of ['latest', 'law', 'figures', 'actions', 'sources', 'events'] as const) {
    if (!Array.isArray(raw[key]) || !(raw[key] as unknown[]).every(isRecord)) return null;
  }
  return raw as unknown as PanelContent;
}

/** Content-script side: the panel content for `topics`; rejects when the background cannot answer. */
export async function requestPanelContent(topics: readonly Topic[], send: (m: PanelContentRequest) => Promise<unknown> = (m) => browser.runtime.sendMessage(m)): Promise<PanelContent> {
  const content = parsePanelContent(await send({ type: 'panel-content', topics: [...topics] }));
  if (!content) throw new Error('Nadzor Watch: no panel content from the background');
  return content;
}
