/**
 * Key figures of the campaign, each with the date it refers to and its source. Values are
 * written the English way ("8,100"); localizeValue gives the Serbian form ("8.100").
 */
import { src, URLS } from './sources';
import type { Figure } from './types';

const ROAD = 'The road to biometric mass surveillance in Belgrade';
const BOX = 'Box: Europe’s civil society resistance against mass surveillance';

export const figures: Figure[] = [
  {
    id: 'cameras-in-2020-dpia',
    value: '8,100',
    asOf: '2020-04',
    topics: ['cameras', 'dpia-commissioner', 'face-recognition'],
    sources: [src('boell', ROAD)],
    label: {
      en: 'cameras of all kinds at police disposal, according to the ministry’s revised impact assessment (April 2020)',
      sr: 'kamera svih vrsta na raspolaganju policiji, prema izmenjenoj proceni uticaja MUP-a (april 2020)',
    },
    note: {
      en: 'Fixed cameras on poles plus body-worn cameras, mobile eLTE terminals and vehicle-mounted cameras.',
      sr: 'Fiksne kamere na stubovima, kamere na uniformama, mobilni eLTE terminali i kamere na vozilima.',
    },
  },
  {
    id: 'cameras-announced-2019',
    value: '1,000',
    asOf: '2019',
    topics: ['cameras', 'face-recognition', 'huawei-safe-city'],
    sources: [src('boell', ROAD), src('policyBrief', 'Chronology')],
    label: {
      en: 'face- and licence-plate-recognition cameras announced for Belgrade in early 2019',
      sr: 'kamera sa prepoznavanjem lica i registarskih tablica najavljenih za Beograd početkom 2019.',
    },
  },
  {
    id: 'locations-announced-2019',
    value: '800',
    asOf: '2019',
    topics: ['cameras', 'huawei-safe-city'],
    sources: [src('boell', ROAD), src('policyBrief', 'Chronology')],
    label: {
      en: 'locations in Belgrade announced for those 1,000 cameras',
      sr: 'lokacija u Beogradu najavljenih za tih 1.000 kamera',
    },
  },
  {
    id: 'cameras-minister-2000',
    value: '2,000',
    asOf: '2019',
    topics: ['cameras'],
    sources: [src('policyBrief', 'Chronology')],
    label: {
      en: 'cameras the Minister of Interior later said would be installed instead of 1,000',
      sr: 'kamera koje će, kako je kasnije rekao ministar unutrašnjih poslova, biti postavljene umesto 1.000',
    },
  },
  {
    id: 'huawei-test-cameras',
    value: '9',
    asOf: '2019-03',
    topics: ['huawei-safe-city', 'cameras'],
    sources: [src('policyBrief', 'Findings'), src('boell', 'Reference list: Huawei, archived case study', URLS.huaweiCaseStudyArchive)],
    label: {
      en: 'test cameras at five Belgrade locations, according to Huawei’s case study',
      sr: 'probnih kamera na pet lokacija u Beogradu, prema Huawei studiji slučaja',
    },
  },
  {
    id: 'cameras-mapped-by-citizens',
    value: '1,055+',
    asOf: '2021-03-20',
    topics: ['campaign', 'cameras'],
    sources: [src('boell', BOX)],
    label: {
      en: 'cameras in Belgrade mapped by citizens on the #hiljadekamera map',
      sr: 'kamera u Beogradu koje su građani uneli na mapu inicijative #hiljadekamera',
    },
  },
  {
    id: 'locations-mapped-by-citizens',
    value: '473',
    asOf: '2021-03-20',
    topics: ['campaign', 'cameras'],
    sources: [src('boell', BOX)],
    label: {
      en: 'locations of the cameras on the citizens’ map',
      sr: 'lokacije kamera na mapi građana',
    },
  },
  {
    id: 'locations-on-ministry-website',
    value: '243',
    asOf: '2021-03-20',
    topics: ['cameras'],
    sources: [src('boell', BOX), src('boell', 'Reference list: list of camera locations', URLS.ministryCameraList)],
    label: {
      en: 'locations with cameras according to the Ministry of Interior’s website',
      sr: 'lokacije sa kamerama prema sajtu MUP-a',
    },
    note: {
      en: 'The paper sets this against the citizens’ count of 20 March 2021; its reference list gives 13 January 2021 as the date the ministry’s list was consulted.',
      sr: 'Analiza ovaj broj poredi sa brojem građana od 20. marta 2021; u spisku izvora kao datum pristupa listi MUP-a navodi se 13. januar 2021.',
    },
  },
  {
    id: 'petition-signatures',
    value: '16,800+',
    asOf: '2021-05',
    topics: ['campaign', 'face-recognition'],
    sources: [src('boell', BOX), src('boell', 'Reference list: SHARE Foundation, petition', URLS.petition)],
    label: {
      en: 'signatures on the “Ne snimaj mi lice” petition against biometric surveillance, launched in November 2020',
      sr: 'potpisa na peticiji „Ne snimaj mi lice“ protiv biometrijskog nadzora, pokrenutoj u novembru 2020.',
    },
    note: {
      en: 'As reported in the Böll paper published in May 2021.',
      sr: 'Prema analizi Fondacije Hajnrih Bel objavljenoj u maju 2021.',
    },
  },
  {
    id: 'crowdfunding-dinars',
    value: '1,000,000+',
    asOf: '2021-05',
    topics: ['campaign'],
    sources: [src('boell', BOX), src('edriWithdrawal', 'Gathering and inspiring the community')],
    label: {
      en: 'Serbian dinars (about EUR 9,000) raised by the #hiljadekamera crowdfunding campaign',
      sr: 'dinara (oko 9.000 evra) prikupljeno u kampanji grupnog finansiranja inicijative #hiljadekamera',
    },
  },
  {
    id: 'news-articles',
    value: '300+',
    asOf: '2021-09',
    topics: ['campaign'],
    sources: [src('edriWithdrawal', 'Lessons learned')],
    label: {
      en: 'news articles on biometric surveillance in Belgrade in domestic and international media by September 2021',
      sr: 'novinskih tekstova o biometrijskom nadzoru u Beogradu u domaćim i stranim medijima do septembra 2021.',
    },
  },
  {
    id: 'dpia-rejections',
    value: '2',
    asOf: '2020',
    topics: ['dpia-commissioner', 'law'],
    sources: [src('boell', ROAD), src('edriWithdrawal', 'Lessons learned')],
    label: {
      en: 'impact assessments of the ministry rejected by the Commissioner (2019 and 2020), for lack of an adequate legal basis',
      sr: 'procene uticaja MUP-a koje je Poverenik odbio (2019. i 2020), zbog nedostatka odgovarajućeg pravnog osnova',
    },
  },
  {
    id: 'huawei-safe-cities',
    value: '3',
    asOf: '2021-05',
    topics: ['huawei-safe-city'],
    sources: [src('boell', ROAD)],
    label: {
      en: 'largest Serbian cities with Huawei as “Safe City” partner: Belgrade, Niš and Novi Sad',
      sr: 'najveća grada u Srbiji u kojima je Huawei partner za „Bezbedan grad“: Beograd, Niš i Novi Sad',
    },
  },
  {
    id: 'months-between-drafts',
    value: '16',
    asOf: '2022-12',
    topics: ['law'],
    sources: [src('globalVoices')],
    label: {
      en: 'months between the two withdrawn drafts of the Law on Internal Affairs',
      sr: 'meseci između dva povučena nacrta zakona o unutrašnjim poslovima',
    },
  },
  {
    id: 'eci-signature-threshold',
    value: '1,000,000',
    asOf: '2021-01',
    topics: ['campaign', 'law'],
    sources: [src('boell', BOX)],
    label: {
      en: 'signatures a European Citizens’ Initiative must gather, the target of the Reclaim Your Face initiative',
      sr: 'potpisa koje Evropska građanska inicijativa mora da prikupi, što je cilj inicijative ReclaimYourFace',
    },
  },
  {
    id: 'cameras-birn-2024',
    value: '8,000',
    asOf: '2024',
    topics: ['cameras', 'local-procurement'],
    sources: [src('birn2024')],
    label: {
      en: 'CCTV cameras in Serbia in schools, streets, public companies and parks (BIRN Serbia, 2024)',
      sr: 'kamera video-nadzora u Srbiji u školama, na ulicama, u javnim preduzećima i parkovima (BIRN Srbija, 2024)',
    },
  },
  {
    id: 'local-governments-procuring',
    value: '42',
    asOf: '2024',
    topics: ['local-procurement', 'cameras', 'face-recognition'],
    sources: [src('birn2024')],
    label: {
      en: 'local governments that procured surveillance cameras, some with face recognition (Radio Free Europe, cited by BIRN)',
      sr: 'lokalne samouprave koje su nabavile nadzorne kamere, neke i sa prepoznavanjem lica (Radio Slobodna Evropa, prema BIRN-u)',
    },
  },
  {
    id: 'countries-using-face-recognition',
    value: '109',
    asOf: '2020',
    topics: ['face-recognition'],
    sources: [src('boell', 'Introduction'), src('boell', 'Reference list: Surfshark', URLS.surfshark)],
    label: {
      en: 'countries using or having approved face recognition for surveillance (Surfshark study, 2020)',
      sr: 'zemalja koje koriste ili su odobrile prepoznavanje lica za nadzor (istraživanje Serfšarka, 2020)',
    },
  },
];
