/**
 * The one name of each topic, in English and Serbian (Latin; Cyrillic by uiCyrillic). Every
 * surface uses these: alerts and digests (bot/notify), the dashboard, the exports and the
 * browser extension, so a press officer sees the same word everywhere.
 */
import { uiCyrillic } from '../text/ui-cyrillic';
import type { Topic } from './types';

export type NameLanguage = 'en' | 'sr-Latn' | 'sr-Cyrl';

export interface TopicName {
  en: string;
  sr: string;
}

export const TOPIC_NAMES: Readonly<Record<Topic, TopicName>> = {
  cameras: { en: 'Cameras', sr: 'Kamere' },
  'face-recognition': { en: 'Face recognition', sr: 'Prepoznavanje lica' },
  'huawei-safe-city': { en: 'Huawei “Safe City”', sr: 'Huawei „Bezbedan grad“' },
  law: { en: 'Law on Internal Affairs', sr: 'Zakon o unutrašnjim poslovima' },
  'dpia-commissioner': { en: 'Commissioner and impact assessment', sr: 'Poverenik i procena uticaja' },
  campaign: { en: 'Campaign', sr: 'Kampanja' },
  protest: { en: 'Protests', sr: 'Protesti' },
  'local-procurement': { en: 'Local procurement', sr: 'Lokalne nabavke' },
  spyware: { en: 'Spyware', sr: 'Špijunski softver' },
};

/** A topic's name in `lang`; an unknown topic id is returned as it is. */
export function topicName(topic: string, lang: NameLanguage): string {
  const name = (TOPIC_NAMES as Record<string, TopicName | undefined>)[topic];
  if (!name) return topic;
  if (lang === 'en') return name.en;
  return lang === 'sr-Cyrl' ? uiCyrillic(name.sr) : name.sr;
}
