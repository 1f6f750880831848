/**
 * The article is classified in the extension's background, not on the page: the classifier
 * (its lexicon, weights and stemmers are most of the extension's code) is not even part of the
 * content script, so a news page pays neither its loading nor its first run on a page
 * (stemming and matching a few hundred words with cold caches). In the background it runs off
 * the page's main thread, with caches that stay warm from page to page. The text never leaves
 * the browser: it goes from the content script to the extension's own background by runtime
 * messaging. The background also picks the title's subject words for a related-coverage
 * request (lib/title-terms.ts), for the same reason. The background's side is
 * lib/classify-answer.ts: a module of its own, so that nothing of the classifier is bundled
 * into the content script.
 *
 * A background that does not answer at once (Chrome starting its service worker, an update
 * under way) is asked again twice, after 250 ms and a second; if it still does not answer, the
 * page is left as it is (no verdict, no panel).
 */
import { browser } from 'wxt/browser';
import type { ClassifyInput } from '../../shared/model/types';
import { MAX_CLASSIFY_TEXT, MAX_CLASSIFY_TITLE, parseClassification, type ClassifyAnswer, type ClassifyRequest } from '../lib/messages';

/** Waits before each try: the first at once, then after 250 ms and 1 s. */
export const RETRY_DELAYS_MS = [0, 250, 1_000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Content-script side: the background's classification of `input`, or null if it never answers. */
export async function classifyOffPage(
  input: ClassifyInput,
  send: (m: ClassifyRequest) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<ClassifyAnswer | null> {
  const request: ClassifyRequest = { type: 'classify', title: input.title.slice(0, MAX_CLASSIFY_TITLE), text: (input.text ?? '').slice(0, MAX_CLASSIFY_TEXT) };
  if (input.lang) request.lang = input.lang;
  for (const delay of delays) {
    if (delay > 0) await sleep(delay);
    try {
      const answer = parseClassification(await send(request));
      if (answer) return answer;
    } catch {
      // No background yet (starting, or being updated): ask again.
    }
  }
  return null;
}
