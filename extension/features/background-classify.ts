/**
 * The article is classified in the extension's background, not on the page: the classifier's
 * first run on a page (stemming and matching a few hundred words with cold caches) is the
 * largest piece of the content script's work, and in the background it runs off the page's
 * main thread, with caches that stay warm from page to page. The text never leaves the
 * browser: it goes from the content script to the extension's own background by runtime
 * messaging. If the background does not answer (it is being restarted, an old version), the
 * content script classifies the page itself, as before.
 */
import { browser } from 'wxt/browser';
import { classify } from '../../shared/classify/classify';
import type { Classification, ClassifyInput } from '../../shared/model/types';
import { MAX_CLASSIFY_TEXT, MAX_CLASSIFY_TITLE, parseClassification, type ClassifyRequest } from '../lib/messages';

/** Background side: the answer to a (validated) classify request. */
export function answerClassify(request: ClassifyRequest): Classification {
  return classify({ title: request.title, text: request.text, lang: request.lang });
}

/** Content-script side: the background's classification of `input`, or the page's own on failure. */
export async function classifyOffPage(input: ClassifyInput, send: (m: ClassifyRequest) => Promise<unknown> = (m) => browser.runtime.sendMessage(m)): Promise<Classification> {
  const request: ClassifyRequest = { type: 'classify', title: input.title.slice(0, MAX_CLASSIFY_TITLE), text: (input.text ?? '').slice(0, MAX_CLASSIFY_TEXT) };
  if (input.lang) request.lang = input.lang;
  try {
    const answer = parseClassification(await send(request));
    if (answer) return answer;
  } catch {
    // No background (restarting, or a test page without one): classify here.
  }
  return classify(input);
}
