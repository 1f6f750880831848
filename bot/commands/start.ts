import type { Doc } from '../notify/format/rich';
import type { AlertLanguage } from '../notify/i18n/language';
import { serbianIn } from '../notify/i18n/localize';
import { WELCOME } from '../notify/i18n/strings';

/**
 * /start and /help: what the bot does, in Serbian and English together (the chat has not told
 * us its language yet), then the commands. Serbian follows the chat's script when it has one.
 */
export function welcomeDoc(lang: AlertLanguage): Doc {
  const sr = (s: string) => serbianIn(lang === 'sr-Cyrl' ? 'sr-Cyrl' : 'sr-Latn', s);
  return [
    [{ text: 'Nadzor Watch', bold: true }],
    ...WELCOME.sr.map((s) => [sr(s)]),
    [],
    ...WELCOME.en.map((s) => [s]),
    [],
    ...WELCOME.commands.map((s) => [sr(s)]),
  ];
}
