/**
 * The panel's language: the reader's choice, or else the page's. A Cyrillic page gets
 * Serbian Cyrillic, a Serbian (or Croatian, Bosnian, Montenegrin) Latin page Serbian Latin,
 * anything else English.
 */
import type { UiLang } from '../../shared/context/localize';
import type { Script } from '../../shared/text/script';
import type { LanguageSetting } from './settings';

const SERBIAN_GROUP = new Set(['sr', 'hr', 'bs', 'sh', 'cnr', 'me', 'srp', 'hrv', 'bos']);

export interface PageLanguage {
  /** <html lang>, e.g. "sr-Cyrl-RS", "en-GB", "" */
  htmlLang: string;
  /** Script of the article text (detectScript). */
  script: Script | null;
  /** The classifier's language for the article ('sr', 'en', ...). */
  textLang: string;
}

export function panelLanguage(setting: LanguageSetting, page: PageLanguage): UiLang {
  if (setting !== 'auto') return setting;
  const declared = page.htmlLang.toLowerCase();
  if (page.script === 'Cyrl') return 'sr-Cyrl';
  if (/-cyrl\b/.test(declared) && page.script === null) return 'sr-Cyrl';
  const base = declared.split(/[-_]/)[0];
  if (SERBIAN_GROUP.has(base)) return 'sr-Latn';
  if (base === '' && SERBIAN_GROUP.has(page.textLang)) return 'sr-Latn';
  return 'en';
}

/** The interface language for extension pages (popup, options): the setting or the browser's. */
export function uiLanguage(setting: LanguageSetting, browserLang: string): UiLang {
  if (setting !== 'auto') return setting;
  const l = browserLang.toLowerCase();
  if (l.startsWith('sr-latn') || l.startsWith('hr') || l.startsWith('bs') || l === 'sh') return 'sr-Latn';
  // Plain "sr" is Serbian in Cyrillic, as browsers and CLDR use it.
  if (l.startsWith('sr')) return 'sr-Cyrl';
  return 'en';
}
