/**
 * The five seed documents, by a short key, and a helper to cite one of them. Titles are the
 * documents' own; the 2024 news report carries no headline, so it is described instead.
 */
import type { SeedFile, Source } from './types';

export const SEEDS = {
  /** Heinrich-Böll-Stiftung e-paper, May 2021 (Krivokapić, Bajić, Perkov). */
  boell: {
    seed: '000_47b8718bd1bbc52b.txt',
    title: "Biometrics in Belgrade: Serbia's path shows broader dangers of surveillance state",
  },
  /** Policy brief by SHARE Foundation, Partners Serbia and BCSP (2019-2020). */
  policyBrief: {
    seed: '001_f23c2dffb2220513.txt',
    title:
      'Serbian government is implementing unlawful video surveillance with face recognition in Belgrade',
  },
  /** Global Voices, Ana Toskić Cvetinović (Partners Serbia), 2023. */
  globalVoices: {
    seed: '002_85634348b658b6c7.txt',
    title: 'The future of mass surveillance in Serbia?',
  },
  /** Reclaim Your Face / EDRi news on the September 2021 withdrawal. */
  edriWithdrawal: {
    seed: '003_4106cee38390474d.txt',
    title:
      'Serbia withdraws a proposed Biometric Surveillance Bill following national and international pressure',
  },
  /** News report on BIRN Serbia's 2024 study; the seed has no headline. */
  birn2024: {
    seed: '004_99737e50437e8c67.txt',
    // Shown to readers as is: a description, not a note about the seed.
    title: 'BIRN Serbia’s 2024 report on surveillance in Serbia, as reported in the news',
  },
} as const satisfies Record<string, { seed: SeedFile; title: string }>;

export type SeedKey = keyof typeof SEEDS;

/** Cite a seed, optionally with the section (`where`) and a URL printed in that seed. */
export function src(key: SeedKey, where?: string, url?: string): Source {
  const { seed, title } = SEEDS[key];
  const source: Source = { seed, title };
  if (where !== undefined) source.where = where;
  if (url !== undefined) source.url = url;
  return source;
}

/** URLs printed in the reference list of the Böll paper (seed 000), reused across files. */
export const URLS = {
  petition: 'https://hiljade.kamera.rs/sr/peticije/ne-snimaj-mi-lice/',
  hiljadeKameraTwitter: 'https://twitter.com/hiljadekamera',
  ministryCameraList:
    'http://www.mup.gov.rs/wps/wcm/connect/d52f1b79-f728-4870-8da4-0462c9561157/lokacije+kamera.CIR.pdf?MOD=AJPERES&CVID=nqp4ma4',
  shareWithheld:
    'https://www.sharefoundation.info/en/new-surveillance-cameras-in-belgrade-location-and-human-rights-impact-analysis-withheld/',
  shareHuaweiKnows:
    'https://www.sharefoundation.info/en/huawei-knows-everything-about-cameras-in-belgrade-and-they-are-glad-to-share/',
  shareUnlawful:
    'https://www.sharefoundation.info/en/unlawful-video-surveillance-with-face-recognition-in-belgrade/',
  shareDpia2: 'https://www.sharefoundation.info/sr/kamere-bez-upotrebne-dozvole-procena-uticaja-2-0/',
  huaweiCaseStudyArchive: 'https://archive.li/pZ9HO',
  n1SmartCities: 'https://rs.n1info.com/english/news/a478212-smart-cities-in-serbia-by-huawei/',
  chinaDailyHub:
    'https://global.chinadaily.com.cn/a/202009/16/WS5f617b77a31024ad0ba79db7.html',
  csis: 'https://www.csis.org/analysis/becoming-chinese-client-state-case-serbia',
  amnestyProtests:
    'https://www.amnesty.org/en/latest/news/2020/07/serbia-violent-police-crackdown-against-covid-19-lockdown-protesters-must-stop/',
  edriBanPaper: 'https://edri.org/wp-content/uploads/2020/05/Paper-Ban-Biometric-Mass-Surveillance.pdf',
  edriReclaimYourFace:
    'https://edri.org/our-work/reclaim-your-face-and-help-prevent-the-end-of-privacy-as-we-know-it/',
  eciRegistration: 'https://ec.europa.eu/commission/presscorner/detail/en/ip_21_22',
  echr: 'https://www.echr.coe.int/documents/convention_eng.pdf',
  echrMassSurveillanceFactsheet: 'https://www.echr.coe.int/Documents/FS_Mass_surveillance_ENG.pdf',
  convention108: 'https://www.coe.int/en/web/data-protection/convention108-and-protocol',
  coeFaceGuidelines: 'https://rm.coe.int/guidelines-on-facial-recognition/1680a134f3',
  unPrivacyReport2020: 'https://undocs.org/A/75/147',
  surfshark: 'https://surfshark.com/facial-recognition-map',
} as const;
