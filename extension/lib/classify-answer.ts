/**
 * The background's answer to a classify request from the content script
 * (features/background-classify.ts): the classification, and the title's subject words for a
 * related-coverage request. Only the background imports this module: it brings the whole
 * classifier (lexicon, weights, stemmers), which stays out of the content script.
 */
import { classify } from '../../shared/classify/classify';
import type { ClassifyAnswer, ClassifyRequest } from './messages';
import { titleTerms } from './title-terms';

export function answerClassify(request: ClassifyRequest): ClassifyAnswer {
  const classification = classify({ title: request.title, text: request.text, lang: request.lang });
  return { ...classification, titleTerms: classification.relevant ? titleTerms(request.title, classification.lang) : [] };
}
