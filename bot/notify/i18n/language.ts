/**
 * The languages alerts, digests and command replies are written in. Serbian comes in both
 * scripts; the Cyrillic text is produced from the Latin one by transliteration, so there is one
 * Serbian catalogue to keep correct.
 */
export const ALERT_LANGUAGES = ['sr-Latn', 'sr-Cyrl', 'en'] as const;
export type AlertLanguage = (typeof ALERT_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: AlertLanguage = 'sr-Latn';

/**
 * Reads a language as users type it: the canonical tags in any case, plus the short forms
 * people use in chat commands ("lat", "cyr", "ћир", "english"). Null when it is none of them.
 */
export function parseLanguage(input: string): AlertLanguage | null {
  const s = input.trim().toLowerCase().replace(/_/g, '-');
  switch (s) {
    case 'sr-latn':
    case 'sr':
    case 'lat':
    case 'latin':
    case 'latinica':
      return 'sr-Latn';
    case 'sr-cyrl':
    case 'cyr':
    case 'cyrillic':
    case 'cir':
    case 'ćir':
    case 'cirilica':
    case 'ćirilica':
    case 'ћир':
    case 'ћирилица':
      return 'sr-Cyrl';
    case 'en':
    case 'eng':
    case 'english':
      return 'en';
    default:
      return null;
  }
}
