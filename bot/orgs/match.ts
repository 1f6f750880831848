/**
 * Finding organisation names in articles. A name is matched as whole words after `fold()`
 * (lower case, Latin, no diacritics), so "Šer fondacija", "Шер фондација" and "Ser fondacija"
 * are one name, and "MUP" never matches inside "MUPA" or "komupa". A word written with a
 * trailing `*` matches any word that starts with it, for Serbian case endings:
 * "Šer fondacij*" covers fondacija, fondacije, fondaciji, fondacijom.
 *
 * Two matchers share these rules: `orgFtsQuery` for SQLite's FTS5 index of folded articles
 * (bot/api/search-index.ts; the coverage queries use it), and `createOrgMatcher` for one
 * article in memory. Both split words at anything that is not a letter or a digit, as FTS5's
 * unicode61 tokenizer does.
 */
import { fold } from '../../shared/text/fold';
import type { TrackedOrg } from './registry';

/** One word of a name pattern: folded text, and whether it matches as a prefix. */
export interface NameWord {
  text: string;
  prefix: boolean;
}

/** Prefix words shorter than this would match far too much ("a*"). */
export const MIN_PREFIX_LENGTH = 3;

const WORD = /[\p{L}\p{N}]+(\*)?/gu;

/**
 * The words of a name pattern, or a message saying why it cannot be matched. A `*` may only
 * end a word, and a prefix needs at least three letters.
 */
export function parseName(name: string): NameWord[] | string {
  const folded = fold(name.normalize('NFC'));
  const words: NameWord[] = [];
  for (const m of folded.matchAll(WORD)) {
    const prefix = m[1] === '*';
    const text = prefix ? m[0].slice(0, -1) : m[0];
    if (prefix && text.length < MIN_PREFIX_LENGTH) {
      return `"${name}": a word ending in * needs at least ${MIN_PREFIX_LENGTH} letters before it`;
    }
    words.push({ text, prefix });
  }
  // A '*' that did not end a word: at the start, after a space, doubled.
  const stars = (folded.match(/\*/g) ?? []).length;
  if (stars !== words.filter((w) => w.prefix).length) return `"${name}": * may only end a word`;
  if (words.length === 0) return `"${name}": has no letters or digits to match`;
  return words;
}

function wordsOf(name: string): NameWord[] {
  const words = parseName(name);
  if (typeof words === 'string') throw new RangeError(words);
  return words;
}

/** FTS5 phrase for one name: `"ser" + "fondacij"*`. Words are quoted, so no FTS5 syntax leaks in. */
function ftsPhrase(words: NameWord[]): string {
  return words.map((w) => `"${w.text.replace(/"/g, '""')}"${w.prefix ? '*' : ''}`).join(' + ');
}

/** An FTS5 MATCH expression that finds any of the organisation's names in title or text. */
export function orgFtsQuery(org: Pick<TrackedOrg, 'names'>): string {
  const phrases = [...new Set(org.names.map((n) => ftsPhrase(wordsOf(n))))];
  return phrases.join(' OR ');
}

/** The folded words of a text, split as FTS5's unicode61 tokenizer splits them. */
export function foldedWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function containsPhrase(words: readonly string[], pattern: readonly NameWord[]): boolean {
  outer: for (let i = 0; i + pattern.length <= words.length; i++) {
    for (let j = 0; j < pattern.length; j++) {
      const p = pattern[j];
      const w = words[i + j];
      if (p.prefix ? !w.startsWith(p.text) : w !== p.text) continue outer;
    }
    return true;
  }
  return false;
}

/** Finds tracked organisations in one article, with the same rules as the FTS index. */
export interface OrgMatcher {
  /** Ids of the organisations named in the title or the text, in list order. */
  match(title: string, text?: string): string[];
}

/**
 * A matcher over `orgs`. Title and text are searched separately, so a name never matches
 * across the boundary between them (as in the index, where they are two columns).
 */
export function createOrgMatcher(orgs: readonly TrackedOrg[]): OrgMatcher {
  const compiled = orgs.map((o) => ({ id: o.id, patterns: o.names.map(wordsOf) }));
  return {
    match(title: string, text = ''): string[] {
      const parts = [foldedWords(title), foldedWords(text)];
      return compiled
        .filter((o) => o.patterns.some((p) => parts.some((words) => containsPhrase(words, p))))
        .map((o) => o.id);
    },
  };
}
