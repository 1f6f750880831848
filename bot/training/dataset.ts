import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scope } from '../../shared/model/types';

/** A labelled news item: the real corpus (with its URL) or an example we wrote ourselves. */
export interface LabelledItem {
  id: string;
  url?: string;
  title: string;
  text: string;
  lang: string;
  script: 'Latn' | 'Cyrl';
  label: 'relevant' | 'related' | 'irrelevant';
  /**
   * "corpus" items are real news from ../shared/corpus; "collected" ones are real news we
   * gathered for issue 9 (COLLECTION.md); "written" ones are ours, for hard cases.
   */
  source: 'corpus' | 'collected' | 'written';
  note?: string;
  /** The label stayed doubtful after reading the page (kept, and reported apart). */
  uncertain?: boolean;
  outlet?: string;
  published?: string | null;
}

/** The classifier's input for a labelled item: text, plus the context the monitor would know. */
export function inputOf(item: LabelledItem, withContext = true): { title: string; text: string; url?: string; scope?: Scope } {
  if (!withContext || !item.url) return { title: item.title, text: item.text };
  return { title: item.title, text: item.text, url: item.url, scope: scopeOfUrl(item.url) };
}

/** Serbian outlets whose domain is not .rs (the registry's domestic feeds and a few more). */
const DOMESTIC_HOSTS = [
  'naslovi.net', 'b92.net', 'juznevesti.com', 'insajder.net', 'krstarica.com', 'vreme.com', 'sharefoundation.info',
  'masina.rs', 'nin.co.rs', 'seecult.org', 'autonomija.info', 'ju-bilten.info', 'vojvodina.info',
];

/**
 * The scope the monitor would give an item's feed: a Serbian outlet (.rs, or a known Serbian
 * outlet on another domain) is domestic, everything else international.
 */
export function scopeOfUrl(url: string): Scope {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'international';
  }
  if (host.endsWith('.rs') || host.endsWith('.xn--90a3ac')) return 'domestic';
  return DOMESTIC_HOSTS.some((h) => host === h || host.endsWith('.' + h)) ? 'domestic' : 'international';
}

/** The real labelled corpus, copied from ../shared/corpus/dev.jsonl with every item's URL. */
export const CORPUS_FILE = fileURLToPath(new URL('../../test/fixtures/corpus/dev.jsonl', import.meta.url));
/** Real items collected for issue 9 (queries and sources in COLLECTION.md beside it). */
export const COLLECTED_FILE = fileURLToPath(new URL('../../test/fixtures/corpus/collected.jsonl', import.meta.url));
/**
 * The ids of the frozen test part: chosen once, by story, before the model was changed
 * (`npm run split`), and never read while editing concepts or features.
 */
export const FROZEN_TEST_FILE = fileURLToPath(new URL('../../test/fixtures/corpus/frozen-test-ids.txt', import.meta.url));
/** The ids of the training part at the time of the split (`npm run split -- --extend` needs them). */
export const TRAINING_IDS_FILE = fileURLToPath(new URL('../../test/fixtures/corpus/training-ids.txt', import.meta.url));
/** Examples written by the team for hard cases; used in training only, never in evaluation. */
export const WRITTEN_FILE = fileURLToPath(new URL('./written-examples.jsonl', import.meta.url));

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not JSON: ${(e as Error).message}`);
      }
    });
}

export function loadCorpus(file = CORPUS_FILE): LabelledItem[] {
  return readJsonl<Omit<LabelledItem, 'source'>>(file).map((r) => ({ ...r, source: 'corpus' as const }));
}

export function loadCollected(file = COLLECTED_FILE): LabelledItem[] {
  if (!existsSync(file)) return [];
  return readJsonl<Omit<LabelledItem, 'source'>>(file).map((r) => ({ ...r, source: 'collected' as const }));
}

/** Every real labelled item: the shared corpus and the collected items. */
export function loadLabelled(): LabelledItem[] {
  return [...loadCorpus(), ...loadCollected()];
}

/** The frozen test ids, or an empty set before `npm run split` has run. */
export function loadFrozenTestIds(file = FROZEN_TEST_FILE): Set<string> {
  if (!existsSync(file)) return new Set();
  return new Set(readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
}

/** The labelled items split into the training part and the frozen test part. */
export function loadSplit(): { train: LabelledItem[]; test: LabelledItem[] } {
  const frozen = loadFrozenTestIds();
  const all = loadLabelled();
  return { train: all.filter((i) => !frozen.has(i.id)), test: all.filter((i) => frozen.has(i.id)) };
}

export function loadWrittenExamples(file = WRITTEN_FILE): LabelledItem[] {
  return readJsonl<Omit<LabelledItem, 'source'>>(file).map((r) => ({ ...r, source: 'written' as const }));
}

/** Language group for reports: the Serbo-Croatian family, English, or everything else. */
export function languageGroup(lang: string): 'sr' | 'en' | 'other' {
  if (['sr', 'hr', 'bs', 'cnr', 'me', 'sh'].includes(lang)) return 'sr';
  return lang === 'en' ? 'en' : 'other';
}
