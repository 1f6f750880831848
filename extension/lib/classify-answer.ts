/**
 * The background's answer to a classify request from the content script
 * (features/background-classify.ts): the classification, the title's subject words for a
 * related-coverage request, and the glossary terms the article's text contains. Only the
 * background imports this module: it brings the whole classifier (lexicon, weights, stemmers)
 * and the glossary with its matcher, which stay out of the content script.
 */
import { classify } from '../../shared/classify/classify';
import { glossary } from '../../shared/context/glossary';
import { GlossaryMatcher } from './glossary-matcher';
import { CLASSIFIED_TEXT, MAX_PAGE_TERMS, MAX_TERM_FORMS, type ClassifyAnswer, type ClassifyRequest, type PageTerm } from './messages';
import { titleTerms } from './title-terms';

let matcher: GlossaryMatcher | undefined;

/**
 * The glossary terms in `text`, in order of first appearance, each with the forms it is
 * written in there (distinct, in order, at most MAX_TERM_FORMS), as the content script needs them.
 */
export function pageTerms(text: string, limit = MAX_PAGE_TERMS): PageTerm[] {
  matcher ??= new GlossaryMatcher(glossary);
  const found = new Map<string, PageTerm>();
  for (const m of matcher.find(text)) {
    const form = text.slice(m.start, m.end).replace(/\s+/g, ' ');
    const known = found.get(m.term.id);
    if (known) {
      if (known.forms.length < MAX_TERM_FORMS && !known.forms.includes(form)) known.forms.push(form);
      continue;
    }
    if (found.size >= limit) continue;
    const { id, term, definition } = m.term;
    found.set(id, { id, term, definition, forms: [form] });
  }
  return [...found.values()];
}

export function answerClassify(request: ClassifyRequest): ClassifyAnswer {
  const classification = classify({ title: request.title, text: request.text.slice(0, CLASSIFIED_TEXT), lang: request.lang });
  return {
    ...classification,
    titleTerms: classification.relevant ? titleTerms(request.title, classification.lang) : [],
    // Only a relevant page gets the panel and the underlines.
    glossary: classification.relevant ? pageTerms(request.text) : [],
  };
}
