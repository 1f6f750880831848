import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A labelled news item: the real corpus (with its URL) or an example we wrote ourselves. */
export interface LabelledItem {
  id: string;
  url?: string;
  title: string;
  text: string;
  lang: string;
  script: 'Latn' | 'Cyrl';
  label: 'relevant' | 'related' | 'irrelevant';
  /** "corpus" items are real news; "written" ones are ours, for hard cases the corpus lacks. */
  source: 'corpus' | 'written';
  note?: string;
}

/** The real labelled corpus, copied from ../shared/corpus/dev.jsonl with every item's URL. */
export const CORPUS_FILE = fileURLToPath(new URL('../../test/fixtures/corpus/dev.jsonl', import.meta.url));
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

export function loadWrittenExamples(file = WRITTEN_FILE): LabelledItem[] {
  return readJsonl<Omit<LabelledItem, 'source'>>(file).map((r) => ({ ...r, source: 'written' as const }));
}

/** Language group for reports: the Serbo-Croatian family, English, or everything else. */
export function languageGroup(lang: string): 'sr' | 'en' | 'other' {
  if (['sr', 'hr', 'bs', 'cnr', 'me', 'sh'].includes(lang)) return 'sr';
  return lang === 'en' ? 'en' : 'other';
}
