/**
 * Types of the campaign knowledge: every entry says which classifier topics it belongs to and
 * which seed document its facts come from, and carries its text in English and Serbian Latin.
 * Serbian Cyrillic is never stored: it is produced from the Latin text at run time.
 */
import type { Topic } from '../model/types';

export type { Topic };

/** The seed documents (see ../../../shared/seeds/README.md); every fact cites one of them. */
export const SEED_FILES = [
  '000_47b8718bd1bbc52b.txt',
  '001_f23c2dffb2220513.txt',
  '002_85634348b658b6c7.txt',
  '003_4106cee38390474d.txt',
  '004_99737e50437e8c67.txt',
] as const;
export type SeedFile = (typeof SEED_FILES)[number];

/** Text in English and in Serbian Latin script (with diacritics). */
export interface Localized {
  en: string;
  sr: string;
}

/** Where a fact comes from. */
export interface Source {
  /** The seed file the fact was taken from. */
  seed: SeedFile;
  /** The seed document's title. */
  title: string;
  /** A URL, only when that URL is printed in the seed (usually its reference list). */
  url?: string;
  /** Where in the seed: a section name, a box, a reference-list item. */
  where?: string;
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': as precise as the seed allows. */
export type PartialDate = `${number}` | `${number}-${number}` | `${number}-${number}-${number}`;

/** What every entry of every kind has. */
export interface Entry {
  /** Stable kebab-case id, unique across the whole module. */
  id: string;
  /** Non-empty. */
  topics: Topic[];
  /** Non-empty. */
  sources: Source[];
}

export interface TimelineEvent extends Entry {
  date: PartialDate;
  title: Localized;
  summary: Localized;
}

export interface Figure extends Entry {
  /** The number as written in English ("8,100", "16,800+"); see localizeValue for Serbian. */
  value: string;
  label: Localized;
  /** The date the figure refers to. */
  asOf: PartialDate;
  /** A caveat about what the number counts or how exact it is. */
  note?: Localized;
}

export type ActorKind = 'civil-society' | 'state' | 'company' | 'international' | 'media' | 'person';

export interface Actor extends Entry {
  kind: ActorKind;
  name: Localized;
  /** Names to find the actor in article text: both languages, both scripts, short forms. */
  aliases: string[];
  role: Localized;
}

export type LegalKind =
  | 'serbian-law'
  | 'draft-law'
  | 'treaty'
  | 'eu-law'
  | 'case-law'
  | 'opinion'
  | 'guidance'
  | 'foreign-law';

export interface LegalReference extends Entry {
  kind: LegalKind;
  name: Localized;
  /** What it says that matters for biometric surveillance in Serbia. */
  summary: Localized;
}

export interface Action extends Entry {
  title: Localized;
  howTo: Localized;
  /** Only where the URL appears in a seed. */
  url?: string;
}

export interface GlossaryTerm extends Entry {
  term: Localized;
  /**
   * Surface forms to find the term in article text, in English and Serbian Latin (inflected
   * forms included). The extension folds text, so Cyrillic and forms without diacritics match.
   */
  matches: string[];
  definition: Localized;
}
