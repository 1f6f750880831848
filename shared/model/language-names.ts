/**
 * Language codes (as stored: 'sr' is the Serbian/Croatian/Bosnian/Montenegrin group, 'und'
 * undetermined) as names in the interface language: "sv" is shown as "Swedish" / "švedski" /
 * "шведски", never raw. Names come from Intl.DisplayNames (CLDR, in Node and every browser);
 * the codes our feeds use most have fixed names, so they read the same everywhere.
 */
import { uiCyrillic } from '../text/ui-cyrillic';
import type { NameLanguage } from './topic-names';

const FIXED: Record<string, { en: string; sr: string }> = {
  sr: { en: 'Serbian (and related)', sr: 'srpski (i srodni)' },
  en: { en: 'English', sr: 'engleski' },
  und: { en: 'undetermined', sr: 'neodređen' },
  none: { en: 'undetermined', sr: 'neodređen' },
};

const displayNames = new Map<string, Intl.DisplayNames | null>();

function display(locale: string): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
    } catch {
      displayNames.set(locale, null);
    }
  }
  return displayNames.get(locale) ?? null;
}

/** The language's name; a code no table knows is shown in upper case ("XX") rather than guessed. */
export function languageName(code: string, lang: NameLanguage): string {
  const fixed = FIXED[code];
  if (fixed) return lang === 'en' ? fixed.en : lang === 'sr-Cyrl' ? uiCyrillic(fixed.sr) : fixed.sr;
  let name: string | undefined;
  try {
    name = display(lang === 'en' ? 'en' : 'sr-Latn')?.of(code);
  } catch {
    name = undefined;
  }
  if (!name || name.toLowerCase() === code.toLowerCase()) return code.toUpperCase();
  if (lang === 'en') return name;
  // CLDR's Serbian names are lower case already ("švedski"); Cyrillic from the Latin keeps one spelling.
  return lang === 'sr-Cyrl' ? uiCyrillic(name) : name;
}
