/**
 * What a reader can do. A `url` is given only where the seeds print one; the camera map's
 * own address, for one, is a bare link in the seed and is therefore left out.
 */
import { src, URLS } from './sources';
import type { Action } from './types';

const BOX = 'Box: Europe’s civil society resistance against mass surveillance';

export const actions: Action[] = [
  {
    id: 'sign-the-petition',
    topics: ['campaign', 'face-recognition', 'cameras'],
    sources: [src('boell', BOX), src('boell', 'Reference list: SHARE Foundation, petition', URLS.petition)],
    url: URLS.petition,
    title: {
      en: 'Sign the petition “Ne snimaj mi lice” (Don’t film my face)',
      sr: 'Potpišite peticiju „Ne snimaj mi lice“',
    },
    howTo: {
      en: 'Open the petition page of the #hiljadekamera initiative and add your name. The petition opposes installing and using biometric surveillance in Serbia and in Europe; more than 16,800 people had signed by May 2021.',
      sr: 'Otvorite stranicu peticije inicijative #hiljadekamera i dodajte svoje ime. Peticija se protivi postavljanju i upotrebi biometrijskog nadzora u Srbiji i Evropi; do maja 2021. potpisalo ju je više od 16.800 ljudi.',
    },
  },
  {
    id: 'map-a-camera',
    topics: ['campaign', 'cameras'],
    sources: [src('boell', BOX), src('edriWithdrawal', 'Gathering and inspiring the community')],
    title: {
      en: 'Map a camera in your neighbourhood (#hiljadekamera)',
      sr: 'Mapirajte kameru u svom kraju (#hiljadekamera)',
    },
    howTo: {
      en: 'Join the “hunt for cameras”: when you see a surveillance camera on a pole or building, note exactly where it is and add it to the interactive map on the Thousands of Cameras website. Citizens had mapped more than 1,055 cameras this way by March 2021.',
      sr: 'Uključite se u „lov na kamere“: kada na stubu ili zgradi primetite nadzornu kameru, zabeležite tačno gde se nalazi i unesite je na interaktivnu mapu na sajtu inicijative „Hiljade kamera“. Građani su tako do marta 2021. mapirali više od 1.055 kamera.',
    },
  },
  {
    id: 'compare-ministry-camera-list',
    topics: ['cameras', 'campaign'],
    sources: [src('boell', BOX), src('boell', 'Reference list: list of camera locations', URLS.ministryCameraList)],
    url: URLS.ministryCameraList,
    title: {
      en: 'Check the ministry’s official list of camera locations',
      sr: 'Proverite zvanični spisak lokacija kamera MUP-a',
    },
    howTo: {
      en: 'Open the Ministry of Interior’s list of camera locations in Belgrade and compare it with the cameras you see in your street and on the citizens’ map. In 2021 the list named 243 locations while citizens had found cameras at 473.',
      sr: 'Otvorite spisak lokacija kamera u Beogradu sa sajta MUP-a i uporedite ga sa kamerama koje vidite u svojoj ulici i na mapi građana. Godine 2021. spisak je navodio 243 lokacije, a građani su pronašli kamere na 473.',
    },
  },
  {
    id: 'ask-the-ministry',
    topics: ['campaign', 'cameras', 'dpia-commissioner', 'huawei-safe-city'],
    sources: [src('policyBrief', 'Introduction; Chronology'), src('boell', 'The road to biometric mass surveillance in Belgrade')],
    title: {
      en: 'Ask the Ministry of Interior for information',
      sr: 'Zatražite informacije od MUP-a',
    },
    howTo: {
      en: 'Send the ministry a request for access to information of public importance, as hundreds of people already have. Ask what civil society asked in 2019: the procurement documents for the cameras, the data protection impact assessment, the camera locations and the crime risk assessment used to choose them. Keep the answer: a refusal or “we hold no such document” is itself evidence.',
      sr: 'Pošaljite ministarstvu zahtev za pristup informacijama od javnog značaja, kao što su to već uradile stotine ljudi. Pitajte ono što je civilno društvo pitalo 2019: dokumentaciju o nabavci kamera, procenu uticaja na zaštitu podataka, lokacije kamera i procenu rizika od kriminala na osnovu koje su izabrane. Sačuvajte odgovor: i odbijanje i tvrdnja da takav dokument ne postoji su dokaz.',
    },
  },
  {
    id: 'ask-your-local-government',
    topics: ['local-procurement', 'cameras', 'face-recognition'],
    sources: [src('birn2024')],
    title: {
      en: 'Ask your municipality about its cameras',
      sr: 'Pitajte svoju opštinu o kamerama',
    },
    howTo: {
      en: 'Radio Free Europe found 42 local governments that bought surveillance cameras, some able to recognise faces. Ask your city or municipality, with an information request, whether it has bought cameras or face recognition software, from whom, through which intermediary, and on what legal basis.',
      sr: 'Radio Slobodna Evropa je pronašao 42 lokalne samouprave koje su nabavile nadzorne kamere, neke i sa prepoznavanjem lica. Zahtevom za pristup informacijama pitajte svoj grad ili opštinu da li je nabavila kamere ili softver za prepoznavanje lica, od koga, preko kog posrednika i na osnovu kog propisa.',
    },
  },
  {
    id: 'comment-on-the-draft-law',
    topics: ['law', 'campaign', 'face-recognition'],
    sources: [src('edriWithdrawal'), src('globalVoices')],
    title: {
      en: 'Take part in the consultation on the next draft Law on Internal Affairs',
      sr: 'Učestvujte u javnoj raspravi o sledećem nacrtu zakona o unutrašnjim poslovima',
    },
    howTo: {
      en: 'A new draft is expected. When it is published for public consultation, send comments on every provision that would allow mass biometric surveillance, as SHARE Foundation did in 2021. Both earlier drafts were withdrawn after such reactions.',
      sr: 'Očekuje se novi nacrt. Kada bude objavljen na javnu raspravu, pošaljite komentare na svaku odredbu koja bi omogućila masovni biometrijski nadzor, kao što je to Šer fondacija uradila 2021. Oba ranija nacrta povučena su posle takvih reakcija.',
    },
  },
  {
    id: 'support-reclaim-your-face',
    topics: ['campaign', 'face-recognition', 'law'],
    sources: [
      src('boell', BOX),
      src('boell', 'Reference list: EDRi, 10 March 2021', URLS.edriReclaimYourFace),
      src('edriWithdrawal', 'Reclaim Your Face member list'),
    ],
    url: URLS.edriReclaimYourFace,
    title: {
      en: 'Support Reclaim Your Face',
      sr: 'Podržite pokret ReclaimYourFace',
    },
    howTo: {
      en: 'Learn about the Europe-wide campaign for a ban on biometric mass surveillance, led by EDRi with SHARE Foundation among its members. Organisations can join as partners; individuals can contact the campaign directly.',
      sr: 'Upoznajte se sa evropskom kampanjom za zabranu biometrijskog masovnog nadzora, koju vodi EDRi i čija je članica i Šer fondacija. Organizacije mogu da se pridruže kao partneri, a pojedinci mogu direktno da se obrate kampanji.',
    },
  },
  {
    id: 'follow-hiljadekamera',
    topics: ['campaign', 'cameras'],
    sources: [src('boell', 'Reference list: Thousands of Cameras Twitter feed', URLS.hiljadeKameraTwitter)],
    url: URLS.hiljadeKameraTwitter,
    title: {
      en: 'Follow #hiljadekamera',
      sr: 'Pratite #hiljadekamera',
    },
    howTo: {
      en: 'Follow the Thousands of Cameras account for news about cameras, draft laws and the next campaign actions.',
      sr: 'Pratite nalog inicijative „Hiljade kamera“ za vesti o kamerama, nacrtima zakona i sledećim akcijama kampanje.',
    },
  },
  {
    id: 'read-the-dpia-analysis',
    topics: ['dpia-commissioner', 'campaign'],
    sources: [
      src('policyBrief', 'Findings'),
      src('boell', 'Reference list: SHARE Foundation, 4 December 2019', URLS.shareUnlawful),
    ],
    url: URLS.shareUnlawful,
    title: {
      en: 'Read why the impact assessment failed',
      sr: 'Pročitajte zašto procena uticaja nije prošla',
    },
    howTo: {
      en: 'Before discussing the cameras, read the civil society analysis of the ministry’s impact assessment: what the document leaves out and why the legal basis is disputed.',
      sr: 'Pre rasprave o kamerama pročitajte analizu civilnog društva o proceni uticaja MUP-a: šta dokument izostavlja i zašto je pravni osnov sporan.',
    },
  },
  {
    id: 'read-the-case-for-a-ban',
    topics: ['campaign', 'face-recognition', 'law'],
    sources: [src('boell', BOX), src('boell', 'Reference list: EDRi, 13 May 2020', URLS.edriBanPaper)],
    url: URLS.edriBanPaper,
    title: {
      en: 'Read the case for a ban on biometric mass surveillance',
      sr: 'Pročitajte argumente za zabranu biometrijskog masovnog nadzora',
    },
    howTo: {
      en: 'EDRi’s 2020 paper sets out which fundamental rights biometric mass surveillance threatens and what the European Commission and member states should do.',
      sr: 'Dokument mreže EDRi iz 2020. objašnjava koja osnovna prava ugrožava biometrijski masovni nadzor i šta bi Evropska komisija i države članice trebalo da urade.',
    },
  },
  {
    id: 'share-reliable-coverage',
    topics: ['campaign'],
    sources: [src('edriWithdrawal', 'Lessons learned')],
    title: {
      en: 'Share reliable coverage and talk to journalists',
      sr: 'Delite pouzdane tekstove i razgovarajte sa novinarima',
    },
    howTo: {
      en: 'Media attention helped stop the 2021 draft: more than 300 articles covered biometric surveillance in Belgrade. Share accurate reporting, and put journalists interested in the topic in touch with the campaign.',
      sr: 'Pažnja medija pomogla je da se zaustavi nacrt iz 2021: o biometrijskom nadzoru u Beogradu objavljeno je više od 300 tekstova. Delite tačne izveštaje i povežite novinare zainteresovane za temu sa kampanjom.',
    },
  },
];
