/**
 * The campaign knowledge behind Nadzor Watch's reader panel and bot: timeline, figures,
 * actors, legal references, actions and glossary, each entry with its topics and its sources
 * in the seed documents. Pure data and small helpers: no Node APIs, no DOM.
 */
import { actions } from './actions';
import { actors } from './actors';
import { figures } from './figures';
import { glossary } from './glossary';
import { law } from './law';
import { timeline } from './timeline';

export * from './types';
export { SEEDS, URLS, src, type SeedKey } from './sources';
export { timeline } from './timeline';
export { figures } from './figures';
export { actors } from './actors';
export { law } from './law';
export { actions } from './actions';
export { glossary } from './glossary';
export { localize, localizeValue, formatDate, UI_LANGS, type UiLang } from './localize';
export {
  eventsForTopics,
  entriesForTopics,
  topicOverlap,
  type TimelineMatch,
  type Ranked,
  type RankOptions,
} from './select';

/** Every kind of entry, by name, for code that walks all of them. */
export const CONTEXT = { timeline, figures, actors, law, actions, glossary } as const;
