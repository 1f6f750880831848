/**
 * Interface text in Serbian Cyrillic, produced from the Serbian Latin text. Brand and
 * product names, hashtags, file formats and {placeholders} stay in Latin letters, as Serbian
 * Cyrillic texts keep them (#hiljadekamera, EDRi, SHARE, Huawei); URLs and words with q, w, x
 * or y stay Latin through latinToCyrillic itself.
 */
import { latinToCyrillic } from './transliterate';

/**
 * Names written in Latin letters whatever the script around them. Longest first, so
 * "SHARE fondacija" is not split. Only whole words are kept ("SHARE" but not "shared").
 */
export const KEEP_LATIN: readonly string[] = [
  'Nadzor Watch',
  'Reclaim Your Face',
  'ReclaimYourFace',
  'Access Now',
  'Amnesty International',
  'Hikvision',
  'Huawei',
  'Dahua',
  'Pegasus',
  'Predator',
  'Cellebrite',
  'EDRi',
  'SHARE',
  'BIRN',
  'DPIA',
  'ETIAS',
  'EES',
  'XLSX',
  'CSV',
  'JSON',
  'N1',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Made on first use: a Unicode-property pattern costs about a millisecond to create, and the
// extension's content script (which imports this module) starts on every news page.
let keptPattern: RegExp | undefined;
const KEPT = (): RegExp =>
  (keptPattern ??= new RegExp(
    `#[\\p{L}\\p{N}_]+|\\{\\w+\\}|(?<![\\p{L}\\p{N}])(?:${[...KEEP_LATIN].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  ));

/** Serbian Latin interface text in Cyrillic, keeping KEEP_LATIN, hashtags and {placeholders}. */
export function uiCyrillic(latin: string): string {
  const kept: string[] = [];
  const masked = latin.replace(KEPT(), (m) => `\u0001${kept.push(m) - 1}\u0002`);
  return latinToCyrillic(masked).replace(/\u0001(\d+)\u0002/g, (_, i: string) => kept[Number(i)]);
}
