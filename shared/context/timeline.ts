/**
 * The campaign timeline, oldest first: from the first China-Serbia agreement in 2009 to
 * BIRN's 2024 findings. Dates are only as precise as the seeds allow ('2019' means the seed
 * gives no month), so a year-only date sorts before the months of that year.
 */
import { src, URLS } from './sources';
import type { TimelineEvent } from './types';

const ROAD = 'The road to biometric mass surveillance in Belgrade';
const LEGAL = 'Legal aspects of biometric mass surveillance';
const BOX = 'Box: Europe’s civil society resistance against mass surveillance';
const REFS = 'Reference list';

export const timeline: TimelineEvent[] = [
  {
    id: 'china-serbia-infrastructure-agreement',
    date: '2009',
    topics: ['huawei-safe-city'],
    sources: [src('boell', ROAD)],
    title: {
      en: 'Serbia and China sign an infrastructure cooperation agreement',
      sr: 'Srbija i Kina potpisuju sporazum o saradnji u infrastrukturi',
    },
    summary: {
      en: 'The two governments conclude their first agreement on economic and technical cooperation in infrastructure. The talks that later brought Huawei’s surveillance technology to Belgrade start here.',
      sr: 'Vlade Srbije i Kine zaključuju prvi sporazum o ekonomskoj i tehničkoj saradnji u oblasti infrastrukture. Tu počinju razgovori koji će kasnije dovesti Huawei tehnologiju za nadzor u Beograd.',
    },
  },
  {
    id: 'safe-society-talks',
    date: '2011',
    topics: ['huawei-safe-city', 'cameras'],
    sources: [src('boell', ROAD)],
    title: {
      en: 'Talks with Huawei on “Safe Society” begin',
      sr: 'Počinju pregovori sa kompanijom Huawei o „Bezbednom društvu“',
    },
    summary: {
      en: 'The Serbian government opens negotiations with Huawei on the “Safe Society” project, which foresees technology for closer surveillance of citizens across the country.',
      sr: 'Vlada Srbije otvara pregovore sa kompanijom Huawei o projektu „Bezbedno društvo“, koji predviđa uvođenje tehnologije za pojačan nadzor građana širom zemlje.',
    },
  },
  {
    id: 'eu-candidate-status',
    date: '2012',
    topics: ['law'],
    sources: [src('birn2024'), src('boell', LEGAL)],
    title: {
      en: 'Serbia becomes a candidate for EU membership',
      sr: 'Srbija postaje kandidat za članstvo u EU',
    },
    summary: {
      en: 'Candidate status obliges Serbia to bring in EU data protection rules, and means the EU AI Act could one day govern face recognition in Serbia as well.',
      sr: 'Status kandidata obavezuje Srbiju da preuzme evropska pravila o zaštiti podataka, a znači i da bi Akt EU o veštačkoj inteligenciji jednog dana mogao da uređuje i prepoznavanje lica u Srbiji.',
    },
  },
  {
    id: 'china-ceec-forum',
    date: '2013',
    topics: ['huawei-safe-city'],
    sources: [src('boell', 'Introduction')],
    title: {
      en: 'China sets up the “17+1” forum with Central and Eastern Europe',
      sr: 'Kina osniva forum „17+1“ sa zemljama Centralne i Istočne Evrope',
    },
    summary: {
      en: 'Serbia is one of the 17 European members of China’s cooperation forum, which the Böll paper describes as the entry point for Belt and Road infrastructure deals in Europe.',
      sr: 'Srbija je jedna od 17 evropskih članica kineskog foruma za saradnju, koji analiza Fondacije Hajnrih Bel opisuje kao ulaz za infrastrukturne poslove inicijative „Pojas i put“ u Evropu.',
    },
  },
  {
    id: 'safe-society-memorandum',
    date: '2014',
    topics: ['huawei-safe-city', 'cameras'],
    sources: [src('boell', ROAD)],
    title: {
      en: 'Ministry of Interior and Huawei sign the “Safe Society” memorandum',
      sr: 'MUP i Huawei potpisuju memorandum o „Bezbednom društvu“',
    },
    summary: {
      en: 'Serbia’s Ministry of Interior and Huawei sign a memorandum of understanding on the “Safe Society” project.',
      sr: 'Ministarstvo unutrašnjih poslova Srbije i kompanija Huawei potpisuju memorandum o razumevanju za projekat „Bezbedno društvo“.',
    },
  },
  {
    id: 'government-consents-huawei-partnership',
    date: '2016',
    topics: ['huawei-safe-city'],
    sources: [src('policyBrief', 'Findings')],
    title: {
      en: 'Government approves a strategic partnership with Huawei',
      sr: 'Vlada odobrava strateško partnerstvo sa kompanijom Huawei',
    },
    summary: {
      en: 'The Serbian government gives its consent to a strategic partnership agreement between the Ministry of Interior and Huawei, according to the civil society policy brief.',
      sr: 'Prema analizi organizacija civilnog društva, Vlada Srbije daje saglasnost na sporazum o strateškom partnerstvu između MUP-a i kompanije Huawei.',
    },
  },
  {
    id: 'huawei-strategic-partnership',
    date: '2017',
    topics: ['huawei-safe-city', 'cameras'],
    sources: [src('policyBrief', 'Findings'), src('birn2024')],
    title: {
      en: 'Strategic partnership with Huawei signed',
      sr: 'Potpisano strateško partnerstvo sa kompanijom Huawei',
    },
    summary: {
      en: 'The Ministry of Interior concludes the strategic partnership agreement with Huawei to introduce eLTE technology. BIRN’s 2024 report dates the start of Serbia’s surveillance build-up to this “Safe City” contract.',
      sr: 'MUP zaključuje sporazum o strateškom partnerstvu sa kompanijom Huawei radi uvođenja eLTE tehnologije. BIRN u izveštaju iz 2024. upravo od ovog ugovora o „Bezbednom gradu“ računa početak širenja nadzora u Srbiji.',
    },
  },
  {
    id: 'first-public-announcement',
    date: '2017-12',
    topics: ['cameras', 'huawei-safe-city'],
    sources: [src('boell', ROAD)],
    title: {
      en: 'The ministry first speaks publicly about smart surveillance',
      sr: 'MUP prvi put javno govori o pametnom video-nadzoru',
    },
    summary: {
      en: 'Years after the talks began, the Ministry of Interior makes its first major public announcement about installing a smart video surveillance system in Serbia.',
      sr: 'Godinama posle početka pregovora, Ministarstvo unutrašnjih poslova prvi put javno i opširnije najavljuje postavljanje sistema pametnog video-nadzora u Srbiji.',
    },
  },
  {
    id: 'thousand-cameras-announced',
    date: '2019',
    topics: ['cameras', 'face-recognition', 'huawei-safe-city'],
    sources: [src('boell', ROAD), src('policyBrief', 'Chronology'), src('globalVoices')],
    title: {
      en: 'Early 2019: 1,000 face-recognition cameras announced for Belgrade',
      sr: 'Početak 2019: najavljeno 1.000 kamera sa prepoznavanjem lica u Beogradu',
    },
    summary: {
      en: 'The Minister of Interior (to the Fonet agency) and the Police Director (on Radio Television of Serbia) say that over the next few years 1,000 new-generation cameras able to recognise faces and licence plates will be installed at 800 locations in Belgrade.',
      sr: 'Ministar unutrašnjih poslova (za agenciju Fonet) i direktor policije (na Radio-televiziji Srbije) najavljuju da će u narednih nekoliko godina na 800 lokacija u Beogradu biti postavljeno 1.000 kamera nove generacije koje prepoznaju lica i registarske tablice.',
    },
  },
  {
    id: 'foi-request-denied',
    date: '2019-02',
    topics: ['campaign', 'cameras', 'huawei-safe-city'],
    sources: [
      src('boell', ROAD),
      src('policyBrief', 'Chronology'),
      src('boell', `${REFS}: SHARE Foundation, 29 March 2019`, URLS.shareWithheld),
    ],
    title: {
      en: 'The ministry refuses to say where the cameras are',
      sr: 'MUP odbija da kaže gde su kamere',
    },
    summary: {
      en: 'SHARE Foundation asks where the cameras will be, how the sites were chosen and how they were bought. The ministry calls the procurement papers confidential, says it holds no document on the locations or the crime analysis behind them, and that no impact assessment exists yet because the new data protection law is not yet applied.',
      sr: 'Šer fondacija pita gde će kamere biti, kako su lokacije izabrane i kako je sprovedena nabavka. MUP dokumentaciju o nabavci proglašava poverljivom, tvrdi da ne poseduje nijedan dokument o lokacijama niti o analizi kriminala na osnovu koje su određene, i da procena uticaja još nije urađena jer primena novog zakona o zaštiti podataka nije počela.',
    },
  },
  {
    id: 'huawei-case-study-removed',
    date: '2019-03-29',
    topics: ['huawei-safe-city', 'cameras', 'campaign'],
    sources: [
      src('boell', ROAD),
      src('policyBrief', 'Findings'),
      src('boell', `${REFS}: SHARE Foundation, 29 March 2019`, URLS.shareHuaweiKnows),
      src('boell', `${REFS}: Huawei, archived case study`, URLS.huaweiCaseStudyArchive),
    ],
    title: {
      en: 'Huawei removes its Belgrade case study after SHARE publicises it',
      sr: 'Huawei uklanja svoju studiju slučaja o Beogradu posle objave Šer fondacije',
    },
    summary: {
      en: 'SHARE Foundation publishes what Huawei’s own “Safe City” case study says about Belgrade: smart video surveillance, intelligent transport, a 4G network, data centres and command centres offered to the ministry, and nine test cameras already at five locations, unknown to the public. Shortly afterwards Huawei takes the page down; an archived copy stays online.',
      sr: 'Šer fondacija objavljuje šta o Beogradu piše u Huawei studiji slučaja o „Bezbednom gradu“: ministarstvu su ponuđeni pametni video-nadzor, inteligentni saobraćajni sistemi, 4G mreža, centri podataka i komandni centri, a devet probnih kamera već je radilo na pet lokacija, za šta javnost nije znala. Ubrzo zatim Huawei uklanja stranicu, ali arhivirana kopija ostaje dostupna.',
    },
  },
  {
    id: 'lpdp-applies',
    date: '2019-08',
    topics: ['law', 'dpia-commissioner'],
    sources: [src('boell', ROAD), src('policyBrief', 'Chronology')],
    title: {
      en: 'The new Law on Personal Data Protection starts to apply',
      sr: 'Počinje primena novog Zakona o zaštiti podataka o ličnosti',
    },
    summary: {
      en: 'Serbia’s new data protection law, modelled closely on the EU’s GDPR and police directive, applies from the end of August. Large-scale video surveillance of public spaces now needs an impact assessment approved by the Commissioner.',
      sr: 'Novi zakon, veoma blizak evropskoj Opštoj uredbi o zaštiti podataka i direktivi o obradi podataka u policiji, primenjuje se od kraja avgusta. Masovni video-nadzor javnih prostora od tada zahteva procenu uticaja koju odobrava Poverenik.',
    },
  },
  {
    id: 'first-dpia-rejected',
    date: '2019-09',
    topics: ['dpia-commissioner', 'law', 'cameras'],
    sources: [src('boell', ROAD), src('policyBrief', 'Introduction; Chronology'), src('edriWithdrawal', 'Lessons learned')],
    title: {
      en: 'First impact assessment goes to the Commissioner and fails',
      sr: 'Prva procena uticaja stiže Povereniku i ne prolazi',
    },
    summary: {
      en: 'In September the ministry completes a data protection impact assessment (DPIA) for the new system and sends it to the Commissioner. The Commissioner finds it does not meet the law: it is unclear which system it covers and on what legal basis, and it lacks a risk assessment for people’s rights and a full description of safeguards.',
      sr: 'U septembru MUP završava procenu uticaja na zaštitu podataka o ličnosti (DPIA) za novi sistem i šalje je Povereniku. Poverenik zaključuje da procena ne ispunjava zakonske uslove: nije jasno na koji se sistem odnosi ni na kom pravnom osnovu počiva, a nedostaju procena rizika po prava građana i potpun opis mera zaštite.',
    },
  },
  {
    id: 'civil-society-dpia-analysis',
    date: '2019-12-04',
    topics: ['dpia-commissioner', 'campaign', 'face-recognition'],
    sources: [
      src('policyBrief', 'Introduction; Findings; Conclusion'),
      src('boell', `${REFS}: SHARE Foundation, 4 December 2019`, URLS.shareUnlawful),
    ],
    title: {
      en: 'Civil society: the DPIA fails both formally and in substance',
      sr: 'Civilno društvo: procena uticaja ne zadovoljava ni formalno ni suštinski',
    },
    summary: {
      en: 'SHARE Foundation, Partners Serbia and the Belgrade Centre for Security Policy publish a detailed review of the ministry’s DPIA: no risk assessment, no full description of the processing, an inflated effect on crime, and no proof that such intrusive surveillance is necessary or proportionate. They call for the rollout to be halted and for an open public debate.',
      sr: 'Šer fondacija, Partneri Srbija i Beogradski centar za bezbednosnu politiku objavljuju detaljnu analizu procene uticaja MUP-a: nema procene rizika ni potpunog opisa obrade, efekat na kriminal je preuveličan, a nigde nije pokazano da je tako invazivan nadzor neophodan i srazmeran. Traže da se uvođenje sistema zaustavi i da se otvori javna rasprava.',
    },
  },
  {
    id: 'second-dpia-8100-cameras',
    date: '2020-04',
    topics: ['dpia-commissioner', 'cameras', 'face-recognition', 'law'],
    sources: [src('boell', ROAD), src('edriWithdrawal', 'Lessons learned')],
    title: {
      en: 'Revised DPIA reveals 8,100 cameras; the Commissioner says no again',
      sr: 'Nova procena uticaja otkriva 8.100 kamera; Poverenik ponovo odbija',
    },
    summary: {
      en: 'During the pandemic state of emergency the ministry sends a revised DPIA. Police would have 8,100 cameras: on poles, on uniforms, mobile eLTE terminals and on vehicles; faces of everyone passing through covered areas would be detected, and data used for undefined “profiling”. The Commissioner rejects it as well: documents are still missing and there is no legal basis for processing biometric data from cameras in public spaces.',
      sr: 'Tokom vanrednog stanja zbog pandemije MUP šalje izmenjenu procenu uticaja. Policija bi imala 8.100 kamera: na stubovima, na uniformama, mobilne eLTE terminale i kamere na vozilima; lica svih koji prolaze kroz pokrivena područja bila bi detektovana, a podaci korišćeni za nedefinisano „profilisanje“. Poverenik i nju odbija: dokumentacija i dalje nedostaje, a za obradu biometrijskih podataka sa kamera na javnim mestima nema pravnog osnova.',
    },
  },
  {
    id: 'n1-huawei-smart-cities',
    date: '2020-04-22',
    topics: ['huawei-safe-city'],
    sources: [src('boell', `${REFS}: N1, 22 April 2020`, URLS.n1SmartCities), src('boell', ROAD)],
    title: {
      en: 'N1: plan with China endorsed, Huawei to make Serbian cities “smart”',
      sr: 'N1: plan sa Kinom usvojen, Huawei će praviti „pametne“ gradove',
    },
    summary: {
      en: 'N1 reports that a plan with China has been endorsed under which Huawei will make Serbia’s cities smart. Huawei is the “Safe City” partner for Belgrade, Niš and Novi Sad.',
      sr: 'Televizija N1 izveštava da je usvojen plan sa Kinom po kome će Huawei učiniti srpske gradove „pametnim“. Huawei je partner za „Bezbedan grad“ u Beogradu, Nišu i Novom Sadu.',
    },
  },
  {
    id: 'hiljadekamera-map-online',
    date: '2020-05',
    topics: ['campaign', 'cameras'],
    sources: [src('boell', BOX), src('edriWithdrawal', 'Gathering and inspiring the community')],
    title: {
      en: '#hiljadekamera puts its citizen camera map online',
      sr: 'Inicijativa #hiljadekamera pokreće mapu kamera',
    },
    summary: {
      en: 'The Thousands of Cameras initiative led by SHARE Foundation launches its website: it explains what ubiquitous face recognition would mean for Belgrade and shows the city’s surveillance cameras on an interactive map, filled in by citizens on a “hunt for cameras”.',
      sr: 'Inicijativa „Hiljade kamera“, koju predvodi Šer fondacija, pokreće sajt koji objašnjava šta bi sveprisutno prepoznavanje lica značilo za Beograd i na interaktivnoj mapi prikazuje gradske nadzorne kamere, koje građani sami unose u akciji „lov na kamere“.',
    },
  },
  {
    id: 'edri-ban-paper',
    date: '2020-05-13',
    topics: ['campaign', 'face-recognition', 'law'],
    sources: [src('boell', BOX), src('boell', `${REFS}: EDRi, 13 May 2020`, URLS.edriBanPaper)],
    title: {
      en: 'EDRi calls for a ban on biometric mass surveillance',
      sr: 'EDRi traži zabranu biometrijskog masovnog nadzora',
    },
    summary: {
      en: 'European Digital Rights urges the Commission to outlaw biometric mass surveillance across the EU and lists the rights at stake: privacy, data protection, equality, free expression and information, assembly and association, and due process. The paper becomes the basis of the Reclaim Your Face campaign.',
      sr: 'Mreža Evropska digitalna prava (EDRi) poziva Evropsku komisiju da zabrani biometrijski masovni nadzor u EU i navodi ugrožena prava: privatnost, zaštitu podataka, jednakost, slobodu izražavanja i informisanja, slobodu okupljanja i udruživanja i pravo na pravičan postupak. Na tom dokumentu počiva kampanja ReclaimYourFace.',
    },
  },
  {
    id: 'july-2020-protests',
    date: '2020-07',
    topics: ['protest', 'cameras', 'face-recognition'],
    sources: [
      src('boell', LEGAL),
      src('boell', `${REFS}: Amnesty International, 9 July 2020`, URLS.amnestyProtests),
      src('birn2024'),
    ],
    title: {
      en: 'Protesters fear the cameras will be used to identify them',
      sr: 'Demonstranti strahuju da će ih kamere identifikovati',
    },
    summary: {
      en: 'During the July protests against the government’s lockdown, Amnesty International warns that using Belgrade’s camera system to identify protesters would harm freedom of expression and assembly. Police brutality at the protests is widely documented; BIRN later notes that use of surveillance grew during the 2020, 2021 and 2023 protests.',
      sr: 'Tokom julskih protesta protiv vladinih mera zatvaranja, Amnesti internešnal upozorava da bi korišćenje beogradskih kamera za identifikaciju demonstranata ugrozilo slobodu izražavanja i okupljanja. Policijska brutalnost na protestima je detaljno dokumentovana, a BIRN kasnije beleži da je nadzor sve više korišćen tokom protesta 2020, 2021. i 2023.',
    },
  },
  {
    id: 'share-review-second-dpia',
    date: '2020-07-31',
    topics: ['dpia-commissioner', 'campaign', 'cameras'],
    sources: [src('boell', `${REFS}: SHARE Foundation, 31 July 2020`, URLS.shareDpia2)],
    title: {
      en: 'SHARE Foundation: “Cameras without a use permit”',
      sr: 'Šer fondacija: „Kamere bez upotrebne dozvole“',
    },
    summary: {
      en: 'SHARE Foundation publishes “Kamere bez upotrebne dozvole / Procena uticaja 2.0” (Cameras without a use permit / Impact assessment 2.0) on the second version of the ministry’s impact assessment.',
      sr: 'Šer fondacija objavljuje tekst „Kamere bez upotrebne dozvole / Procena uticaja 2.0“ o drugoj verziji procene uticaja koju je izradio MUP.',
    },
  },
  {
    id: 'csis-report-serbia-hub',
    date: '2020-09',
    topics: ['huawei-safe-city'],
    sources: [src('boell', ROAD), src('boell', `${REFS}: CSIS, September 2020`, URLS.csis)],
    title: {
      en: 'CSIS calls Serbia a hub for Beijing in the Western Balkans',
      sr: 'CSIS: Srbija je čvorište kineskih ambicija na Zapadnom Balkanu',
    },
    summary: {
      en: 'A report by the Washington-based Center for Strategic and International Studies finds that China not only supplies Serbia with biometric surveillance technology made by Chinese firms but also trains Serbian police to use it.',
      sr: 'Izveštaj vašingtonskog Centra za strateške i međunarodne studije utvrđuje da Kina Srbiji ne samo isporučuje tehnologiju za biometrijski nadzor kineskih firmi, nego i obučava srpsku policiju da je koristi.',
    },
  },
  {
    id: 'huawei-innovation-centre',
    date: '2020-09',
    topics: ['huawei-safe-city'],
    sources: [src('boell', ROAD), src('boell', `${REFS}: China Daily, 16 September 2020`, URLS.chinaDailyHub)],
    title: {
      en: 'Huawei opens an innovation centre in Belgrade',
      sr: 'Huawei otvara centar za inovacije u Beogradu',
    },
    summary: {
      en: 'Huawei opens an innovation and development centre in the Serbian capital, part of the cooperation behind its “Safe City” role in Belgrade, Niš and Novi Sad.',
      sr: 'Huawei otvara centar za inovacije i razvoj u Beogradu, kao deo saradnje na projektima „Bezbedan grad“ u Beogradu, Nišu i Novom Sadu.',
    },
  },
  {
    id: 'petition-launched',
    date: '2020-11',
    topics: ['campaign', 'face-recognition'],
    sources: [src('boell', BOX), src('boell', `${REFS}: SHARE Foundation, petition`, URLS.petition)],
    title: {
      en: 'Petition “Ne snimaj mi lice” (Don’t film my face) opens',
      sr: 'Pokrenuta peticija „Ne snimaj mi lice“',
    },
    summary: {
      en: 'SHARE Foundation and #hiljadekamera launch a petition against biometric surveillance in Serbia and across Europe, part of SHARE’s work in the Reclaim Your Face movement. By May 2021 it has more than 16,800 signatures.',
      sr: 'Šer fondacija i inicijativa #hiljadekamera pokreću peticiju protiv biometrijskog nadzora u Srbiji i Evropi, kao deo rada u pokretu ReclaimYourFace. Do maja 2021. peticiju je potpisalo više od 16.800 ljudi.',
    },
  },
  {
    id: 'data-privacy-day-concern',
    date: '2021-01',
    topics: ['dpia-commissioner', 'face-recognition'],
    sources: [src('boell', ROAD)],
    title: {
      en: 'Commissioner and international bodies voice concern',
      sr: 'Poverenik i međunarodne organizacije izražavaju zabrinutost',
    },
    summary: {
      en: 'At the annual Data Privacy Day conference, the Commissioner and the heads of the OSCE, Council of Europe and USAID in Serbia warn about poorly regulated face recognition and call for oversight, monitoring of the system and clear communication with the public.',
      sr: 'Na godišnjoj konferenciji povodom Dana zaštite podataka o ličnosti, Poverenik i čelnici OEBS-a, Saveta Evrope i USAID-a u Srbiji upozoravaju na nedovoljno uređeno prepoznavanje lica i traže jači nadzor, praćenje rada sistema i jasnu komunikaciju sa javnošću.',
    },
  },
  {
    id: 'eci-registered',
    date: '2021-01-07',
    topics: ['campaign', 'face-recognition', 'law'],
    sources: [src('boell', BOX), src('boell', `${REFS}: European Commission, 7 January 2021`, URLS.eciRegistration)],
    title: {
      en: 'European Commission registers the Reclaim Your Face citizens’ initiative',
      sr: 'Evropska komisija registruje građansku inicijativu ReclaimYourFace',
    },
    summary: {
      en: 'The Commission registers the “Civil society initiative for a ban on biometric mass surveillance practices”, organised by EDRi, as a European Citizens’ Initiative, which needs a million signatures to be heard.',
      sr: 'Komisija registruje „Inicijativu civilnog društva za zabranu praksi biometrijskog masovnog nadzora“, koju organizuje EDRi, kao Evropsku građansku inicijativu, kojoj je potrebno milion potpisa.',
    },
  },
  {
    id: 'coe-face-recognition-guidelines',
    date: '2021-01-28',
    topics: ['law', 'face-recognition'],
    sources: [src('boell', 'What’s next in Europe?'), src('boell', `${REFS}: Guidelines on Facial Recognition`, URLS.coeFaceGuidelines)],
    title: {
      en: 'Council of Europe issues guidelines on facial recognition',
      sr: 'Savet Evrope objavljuje smernice o prepoznavanju lica',
    },
    summary: {
      en: 'The Consultative Committee of Convention 108 sets out what governments, developers, manufacturers, service providers and users of face recognition must do so that it does not harm human dignity, rights and data protection.',
      sr: 'Konsultativni komitet Konvencije 108 utvrđuje šta vlade, razvojni timovi, proizvođači, pružaoci usluga i korisnici tehnologije prepoznavanja lica moraju da urade kako ona ne bi ugrožavala ljudsko dostojanstvo, prava i zaštitu podataka.',
    },
  },
  {
    id: 'citizens-map-1055-cameras',
    date: '2021-03-20',
    topics: ['campaign', 'cameras'],
    sources: [src('boell', BOX), src('boell', `${REFS}: list of camera locations`, URLS.ministryCameraList)],
    title: {
      en: 'Citizens have mapped over 1,055 cameras at 473 locations',
      sr: 'Građani mapirali više od 1.055 kamera na 473 lokacije',
    },
    summary: {
      en: 'The #hiljadekamera map counts more than 1,055 cameras at 473 locations in Belgrade, and the number keeps growing, while the Ministry of Interior’s website lists cameras at only 243 locations.',
      sr: 'Mapa inicijative #hiljadekamera beleži više od 1.055 kamera na 473 lokacije u Beogradu, i broj i dalje raste, dok sajt MUP-a navodi svega 243 lokacije sa kamerama.',
    },
  },
  {
    id: 'eu-ai-regulation-proposed',
    date: '2021-04-21',
    topics: ['law', 'face-recognition'],
    sources: [src('boell', 'Introduction; Recommendations')],
    title: {
      en: 'European Commission proposes its AI Regulation',
      sr: 'Evropska komisija predlaže uredbu o veštačkoj inteligenciji',
    },
    summary: {
      en: 'The draft treats biometrics as high risk and bans real-time face recognition in public spaces for law enforcement, but with exceptions for terrorism and vaguely defined “serious crimes”: a gap that civil society and the European Data Protection Supervisor criticise.',
      sr: 'Nacrt biometriju svrstava u visokorizične primene i zabranjuje prepoznavanje lica u realnom vremenu na javnim mestima u svrhu sprovođenja zakona, ali uz izuzetke za terorizam i neodređena „teška krivična dela“. Civilno društvo i Evropski supervizor za zaštitu podataka upozoravaju na tu rupu.',
    },
  },
  {
    id: 'parliament-face-recognition-off',
    date: '2021-05-10',
    topics: ['face-recognition', 'dpia-commissioner'],
    sources: [src('boell', 'Introduction')],
    title: {
      en: 'Ministry tells Parliament face recognition is not in use',
      sr: 'MUP u Skupštini: prepoznavanje lica se ne koristi',
    },
    summary: {
      en: 'At a hearing in the National Assembly, ministry official Slobodan Nedeljković says the face recognition system is not in use for now, partly because the Commissioner found no legal basis for processing biometric data.',
      sr: 'Na sednici u Narodnoj skupštini Slobodan Nedeljković iz ministarstva policije izjavljuje da se sistem za prepoznavanje lica zasad ne koristi, između ostalog zato što je Poverenik utvrdio da za obradu biometrijskih podataka nema pravnog osnova.',
    },
  },
  {
    id: 'draft-law-withdrawn-2021',
    date: '2021-09-23',
    topics: ['law', 'face-recognition', 'campaign'],
    sources: [src('edriWithdrawal'), src('globalVoices')],
    title: {
      en: 'Draft Law on Internal Affairs withdrawn for the first time',
      sr: 'Nacrt zakona o unutrašnjim poslovima povučen prvi put',
    },
    summary: {
      en: 'Interior Minister Aleksandar Vulin announces that the draft law, which would have legalised mass biometric video surveillance, is pulled from procedure, after SHARE Foundation’s comments in the public consultation, warnings from EDRi and pressure from Members of the European Parliament. Partners Serbia attributes the withdrawal to President Aleksandar Vučić, who said the political moment before elections was not right.',
      sr: 'Ministar unutrašnjih poslova Aleksandar Vulin saopštava da je nacrt zakona, koji je trebalo da legalizuje masovni biometrijski video-nadzor, povučen iz dalje procedure, posle komentara Šer fondacije u javnoj raspravi, upozorenja mreže EDRi i pritiska poslanika Evropskog parlamenta. Prema Partnerima Srbija, povlačenje je odlučio predsednik Aleksandar Vučić, uz obrazloženje da politički trenutak pred izbore nije pravi.',
    },
  },
  {
    id: 'draft-law-withdrawn-2022',
    date: '2022-12',
    topics: ['law', 'face-recognition', 'campaign'],
    sources: [src('globalVoices'), src('birn2024')],
    title: {
      en: 'Second draft Law on Internal Affairs published and withdrawn',
      sr: 'Drugi nacrt zakona o unutrašnjim poslovima objavljen i povučen',
    },
    summary: {
      en: 'Sixteen months after the first attempt, the ministry publishes a new draft that would widen police powers and create a legal basis for mass biometric surveillance. After a strong response from civil society at home and abroad it is withdrawn again, this time on the initiative of Prime Minister Ana Brnabić, who promises an inclusive consultation.',
      sr: 'Šesnaest meseci posle prvog pokušaja, ministarstvo objavljuje novi nacrt koji bi proširio ovlašćenja policije i uveo pravni osnov za masovni biometrijski nadzor. Posle oštrih reakcija domaćih i međunarodnih organizacija civilnog društva nacrt je ponovo povučen, ovog puta na inicijativu premijerke Ane Brnabić, koja obećava sveobuhvatne i otvorene konsultacije.',
    },
  },
  {
    id: 'consultation-meeting',
    date: '2023-01',
    topics: ['law', 'campaign'],
    sources: [src('globalVoices')],
    title: {
      en: 'Prime Minister meets civil society on the disputed provisions',
      sr: 'Premijerka se sastaje sa civilnim društvom o spornim odredbama',
    },
    summary: {
      en: 'Ana Brnabić gathers civil society representatives and the ministries concerned to talk about the contested parts of the draft. No timetable is set; Partners Serbia expects a new draft to return at a politically convenient moment.',
      sr: 'Ana Brnabić okuplja predstavnike civilnog društva i nadležnih ministarstava da razgovaraju o kritikovanim odredbama nacrta. Rokovi nisu utvrđeni, a Partneri Srbija očekuju da će se novi nacrt pojaviti kada to bude politički zgodno.',
    },
  },
  {
    id: 'birn-maps-camera-owners',
    date: '2024',
    topics: ['cameras', 'face-recognition', 'local-procurement'],
    sources: [src('birn2024')],
    title: {
      en: 'BIRN maps who owns cameras and face recognition software',
      sr: 'BIRN mapira ko poseduje kamere i softver za prepoznavanje lica',
    },
    summary: {
      en: 'At the start of 2024 BIRN Serbia identifies many institutions holding surveillance cameras and face recognition software; Radio Free Europe adds that 42 local governments have bought cameras, some of them able to recognise faces.',
      sr: 'Početkom 2024. BIRN Srbija utvrđuje da veliki broj institucija poseduje nadzorne kamere i softver za prepoznavanje lica, a Radio Slobodna Evropa dodaje da su 42 lokalne samouprave nabavile kamere, neke i sa mogućnošću prepoznavanja lica.',
    },
  },
  {
    id: 'birn-report-8000-cameras',
    date: '2024',
    topics: ['cameras', 'face-recognition', 'huawei-safe-city', 'law', 'spyware'],
    sources: [src('birn2024')],
    title: {
      en: 'BIRN report: some 8,000 cameras, and gaps in the AI Act',
      sr: 'Izveštaj BIRN-a: oko 8.000 kamera i rupe u Aktu o veštačkoj inteligenciji',
    },
    summary: {
      en: 'BIRN Serbia counts about 8,000 CCTV cameras in schools, streets, public companies and parks, mostly from Chinese makers such as Dahua and Hikvision, and notes that authorities also use big-data tools and spyware. It warns that the EU AI Act does not ban remote biometric identification in public spaces, and that Chinese law can give China’s security services access to the data.',
      sr: 'BIRN Srbija beleži oko 8.000 kamera video-nadzora u školama, na ulicama, u javnim preduzećima i parkovima, uglavnom kineskih proizvođača kao što su Dahua i Hikvision, i navodi da vlasti koriste i alate za analizu velikih podataka i špijunski softver. Izveštaj upozorava da Akt EU o veštačkoj inteligenciji ne zabranjuje daljinsku biometrijsku identifikaciju na javnim mestima i da kineski zakoni mogu kineskim bezbednosnim službama da omoguće pristup podacima.',
    },
  },
];
