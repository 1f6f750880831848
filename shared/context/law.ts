/**
 * What the law says: the Serbian data protection law as the Böll paper analyses it, the
 * Council of Europe conventions and case law, EU rules, and the withdrawn draft police law.
 */
import { src, URLS } from './sources';
import type { LegalReference } from './types';

const LEGAL = 'Legal aspects of biometric mass surveillance';
const ROAD = 'The road to biometric mass surveillance in Belgrade';

export const law: LegalReference[] = [
  {
    id: 'lpdp',
    kind: 'serbian-law',
    topics: ['law', 'dpia-commissioner'],
    sources: [src('boell', ROAD + '; ' + LEGAL), src('policyBrief', 'Chronology'), src('edriWithdrawal', 'Lessons learned')],
    name: {
      en: 'Law on Personal Data Protection (LPDP)',
      sr: 'Zakon o zaštiti podataka o ličnosti (ZZPL)',
    },
    summary: {
      en: 'Serbia’s data protection law, applied since August 2019, takes over the EU’s GDPR and police directive almost word for word. Mass video surveillance of public spaces needs an impact assessment approved by the Commissioner; both of the ministry’s assessments were rejected.',
      sr: 'Zakon koji se primenjuje od avgusta 2019. gotovo doslovno preuzima evropsku Opštu uredbu o zaštiti podataka i direktivu o obradi podataka u policiji. Masovni video-nadzor javnih prostora zahteva procenu uticaja koju odobrava Poverenik, a obe procene MUP-a su odbijene.',
    },
  },
  {
    id: 'lpdp-art-5',
    kind: 'serbian-law',
    topics: ['law'],
    sources: [src('boell', LEGAL)],
    name: { en: 'LPDP Article 5: principles of processing', sr: 'ZZPL, član 5: načela obrade' },
    summary: {
      en: 'Sets the basic principles: processing must be lawful and transparent, use as little data as needed and keep it accurate. The Böll paper finds the Belgrade system breaches transparency and data minimisation.',
      sr: 'Utvrđuje osnovna načela: obrada mora biti zakonita i transparentna, obuhvatati samo neophodne podatke i čuvati njihovu tačnost. Prema analizi Fondacije Hajnrih Bel, beogradski sistem krši načela transparentnosti i minimizacije podataka.',
    },
  },
  {
    id: 'lpdp-art-13',
    kind: 'serbian-law',
    topics: ['law'],
    sources: [src('boell', LEGAL)],
    name: { en: 'LPDP Article 13: necessity', sr: 'ZZPL, član 13: neophodnost' },
    summary: {
      en: 'Police and other enforcement authorities may process data only when it is necessary for their tasks. Watching everyone in public space cannot be shown to be necessary.',
      sr: 'Policija i drugi nadležni organi smeju da obrađuju podatke samo kada je to neophodno za obavljanje njihovih poslova. Za nadzor svih ljudi na javnim mestima to se ne može pokazati.',
    },
  },
  {
    id: 'lpdp-art-14',
    kind: 'serbian-law',
    topics: ['law'],
    sources: [src('boell', LEGAL)],
    name: { en: 'LPDP Article 14: proportionality', sr: 'ZZPL, član 14: srazmernost' },
    summary: {
      en: 'Processing by enforcement authorities must be proportionate to its purpose. Given the scale of the system and the sensitivity of the data, the Böll paper concludes it is not.',
      sr: 'Obrada koju vrše nadležni organi mora biti srazmerna svrsi. S obzirom na obim sistema i osetljivost podataka, analiza Fondacije Hajnrih Bel zaključuje da nije.',
    },
  },
  {
    id: 'lpdp-art-17',
    kind: 'serbian-law',
    topics: ['law', 'face-recognition'],
    sources: [src('boell', LEGAL)],
    name: { en: 'LPDP Article 17: biometric data', sr: 'ZZPL, član 17: biometrijski podaci' },
    summary: {
      en: 'Processing biometric data is in principle forbidden because the data is so sensitive. Serbian law gives no adequate legal basis for processing it from street cameras, as the Commissioner also found.',
      sr: 'Obrada biometrijskih podataka je u načelu zabranjena zbog njihove osetljivosti. Domaći propisi ne daju odgovarajući pravni osnov za njihovu obradu sa uličnih kamera, što je utvrdio i Poverenik.',
    },
  },
  {
    id: 'lpdp-art-38',
    kind: 'serbian-law',
    topics: ['law', 'face-recognition'],
    sources: [src('boell', LEGAL)],
    name: { en: 'LPDP Article 38: automated decisions', sr: 'ZZPL, član 38: automatizovano odlučivanje' },
    summary: {
      en: 'Forbids decisions made entirely by automated processing of any data, biometric data included, so no decision about a person may rest on an automatic face match alone.',
      sr: 'Zabranjuje odluke zasnovane isključivo na automatizovanoj obradi bilo kojih podataka, pa i biometrijskih, tako da nijedna odluka o čoveku ne sme da počiva samo na automatskom poklapanju lica.',
    },
  },
  {
    id: 'lpdp-impact-assessment',
    kind: 'serbian-law',
    topics: ['law', 'dpia-commissioner'],
    sources: [src('boell', LEGAL), src('policyBrief', 'Findings'), src('edriWithdrawal', 'Lessons learned')],
    name: {
      en: 'LPDP: impact assessment approved by the Commissioner',
      sr: 'ZZPL: procena uticaja uz saglasnost Poverenika',
    },
    summary: {
      en: 'Before rolling out biometric surveillance the ministry must prepare a data protection impact assessment and have it approved by the Commissioner. Both of its assessments were rejected, so the legal preconditions for this processing do not exist.',
      sr: 'Pre uvođenja biometrijskog nadzora MUP mora da izradi procenu uticaja na zaštitu podataka i dobije saglasnost Poverenika. Obe njegove procene su odbijene, pa zakonski preduslovi za ovu obradu ne postoje.',
    },
  },
  {
    id: 'commissioner-opinions',
    kind: 'opinion',
    topics: ['dpia-commissioner', 'law', 'face-recognition'],
    sources: [src('policyBrief', 'Introduction'), src('boell', ROAD), src('edriWithdrawal', 'Lessons learned')],
    name: {
      en: 'The Commissioner’s opinions on the ministry’s impact assessments (2019, 2020)',
      sr: 'Mišljenja Poverenika o procenama uticaja MUP-a (2019, 2020)',
    },
    summary: {
      en: 'The first assessment did not meet the law: unclear system and legal grounds, no risk assessment, no full description of safeguards. The second still lacked documents. The Commissioner held that there is no legal basis for processing biometric data collected by video surveillance of public spaces.',
      sr: 'Prva procena nije bila u skladu sa zakonom: nejasni su bili sistem i pravni osnov, nije bilo procene rizika ni potpunog opisa mera zaštite. Uz drugu i dalje je nedostajala dokumentacija. Poverenik je zauzeo stav da ne postoji pravni osnov za obradu biometrijskih podataka prikupljenih video-nadzorom javnih prostora.',
    },
  },
  {
    id: 'draft-law-on-internal-affairs',
    kind: 'draft-law',
    topics: ['law', 'face-recognition', 'campaign'],
    sources: [src('globalVoices'), src('edriWithdrawal'), src('birn2024')],
    name: { en: 'Draft Law on Internal Affairs (2021, 2022)', sr: 'Nacrt zakona o unutrašnjim poslovima (2021, 2022)' },
    summary: {
      en: 'Would have widened police powers, increased political influence over the police and created a legal basis for mass biometric surveillance. Withdrawn in September 2021 and again in December 2022 after public pressure; a new draft is expected.',
      sr: 'Trebalo je da proširi ovlašćenja policije, pojača politički uticaj na nju i uvede pravni osnov za masovni biometrijski nadzor. Povučen je u septembru 2021. i ponovo u decembru 2022. pod pritiskom javnosti; očekuje se novi nacrt.',
    },
  },
  {
    id: 'echr-art-8',
    kind: 'treaty',
    topics: ['law'],
    sources: [src('boell', LEGAL), src('boell', 'Reference list: ECHR', URLS.echr)],
    name: {
      en: 'European Convention on Human Rights, Article 8 (private life)',
      sr: 'Evropska konvencija o ljudskim pravima, član 8 (privatni život)',
    },
    summary: {
      en: 'Any interference with private life must be provided for by law and necessary in a democratic society. Serbia is bound by the Convention.',
      sr: 'Svako zadiranje u privatni život mora biti predviđeno zakonom i neophodno u demokratskom društvu. Konvencija obavezuje Srbiju.',
    },
  },
  {
    id: 'convention-108-plus',
    kind: 'treaty',
    topics: ['law'],
    sources: [src('boell', LEGAL), src('boell', 'Reference list: Convention 108 and Protocols', URLS.convention108)],
    name: {
      en: 'Convention 108+ (Council of Europe data protection convention), Article 5',
      sr: 'Konvencija 108+ (konvencija Saveta Evrope o zaštiti podataka), član 5',
    },
    summary: {
      en: 'Processing must be proportionate to its legitimate aim and keep a fair balance, at every stage, between the interests involved and people’s rights and freedoms. Serbia has signed it.',
      sr: 'Obrada mora biti srazmerna legitimnom cilju i u svakoj fazi čuvati pravičnu ravnotežu između uključenih interesa i prava i sloboda ljudi. Srbija je potpisnica.',
    },
  },
  {
    id: 'gdpr-and-led',
    kind: 'eu-law',
    topics: ['law'],
    sources: [src('boell', LEGAL)],
    name: {
      en: 'EU General Data Protection Regulation (GDPR) and Law Enforcement Directive (LED)',
      sr: 'Opšta uredba EU o zaštiti podataka (GDPR) i Direktiva o zaštiti podataka u policiji (LED)',
    },
    summary: {
      en: 'As an EU candidate, Serbia had to implement both; its data protection law copies them almost literally, so its rules on privacy are nearly the same as in EU member states.',
      sr: 'Kao kandidat za članstvo u EU, Srbija je morala da ih primeni; domaći zakon ih preuzima gotovo doslovno, pa su pravila o privatnosti skoro ista kao u državama članicama.',
    },
  },
  {
    id: 'eu-ai-act',
    kind: 'eu-law',
    topics: ['law', 'face-recognition'],
    sources: [src('boell', 'Introduction; Recommendations'), src('globalVoices'), src('birn2024')],
    name: { en: 'EU Artificial Intelligence Act (AI Act)', sr: 'Akt EU o veštačkoj inteligenciji' },
    summary: {
      en: 'The April 2021 draft banned real-time face recognition in public spaces for police, with broad exceptions that civil society and most MEPs wanted closed with a full ban. BIRN (2024) warns that the Act does not prohibit remote biometric identification in public spaces, so it may not protect Serbia even once it applies there.',
      sr: 'Nacrt iz aprila 2021. zabranjivao je policiji prepoznavanje lica u realnom vremenu na javnim mestima, uz široke izuzetke koje su civilno društvo i većina evropskih poslanika hteli da zamene potpunom zabranom. BIRN (2024) upozorava da Akt ne zabranjuje daljinsku biometrijsku identifikaciju na javnim mestima, pa Srbiju možda neće zaštititi ni kada počne da se primenjuje.',
    },
  },
  {
    id: 'ecthr-roman-zakharov-v-russia',
    kind: 'case-law',
    topics: ['law'],
    sources: [src('boell', LEGAL)],
    name: { en: 'ECtHR: Roman Zakharov v. Russia (2015)', sr: 'ESLJP: Roman Zaharov protiv Rusije (2015)' },
    summary: {
      en: 'The Grand Chamber found that blanket interception of communications, without safeguards against arbitrary surveillance and with no way for people to learn they were watched, violated Article 8.',
      sr: 'Veliko veće je utvrdilo da sveobuhvatno presretanje komunikacija, bez zaštite od proizvoljnog nadzora i bez mogućnosti da ljudi saznaju da su praćeni, krši član 8.',
    },
  },
  {
    id: 'ecthr-peck-v-uk',
    kind: 'case-law',
    topics: ['law', 'cameras'],
    sources: [src('boell', LEGAL)],
    name: { en: 'ECtHR: Peck v. the United Kingdom (2003)', sr: 'ESLJP: Pek protiv Ujedinjenog Kraljevstva (2003)' },
    summary: {
      en: 'Local authorities released CCTV footage of a man in a street, not properly disguised, to demonstrate how well the cameras worked. This breached his right to private life: Article 8 applied because he was neither a public figure nor taking part in a public event.',
      sr: 'Lokalne vlasti su, da bi pokazale uspešnost kamera, objavile snimak čoveka na ulici na kome on nije bio dovoljno zamaskiran. Time je povređeno njegovo pravo na privatni život: član 8 se primenjivao jer on nije bio javna ličnost niti je učestvovao u javnom događaju.',
    },
  },
  {
    id: 'ecthr-s-and-marper-v-uk',
    kind: 'case-law',
    topics: ['law', 'face-recognition'],
    sources: [src('boell', LEGAL)],
    name: {
      en: 'ECtHR: S. and Marper v. the United Kingdom (2008)',
      sr: 'ESLJP: S. i Marper protiv Ujedinjenog Kraljevstva (2008)',
    },
    summary: {
      en: 'Keeping fingerprints, cell samples and DNA profiles after cases were closed violated Article 8; the Court objected to the blanket, indiscriminate power of retention.',
      sr: 'Čuvanje otisaka prstiju, ćelijskih uzoraka i DNK profila i posle okončanja postupaka prekršilo je član 8; Sud je zamerio opšte i neselektivno ovlašćenje za čuvanje podataka.',
    },
  },
  {
    id: 'ecthr-pending-cases',
    kind: 'case-law',
    topics: ['law'],
    sources: [src('boell', LEGAL)],
    name: { en: 'ECtHR: pending mass surveillance cases', sr: 'ESLJP: predmeti o masovnom nadzoru u toku' },
    summary: {
      en: 'The Böll paper lists further cases then before the Court, including Big Brother Watch and Others v. the United Kingdom, Association Confraternelle de la Presse Judiciaire and Others v. France, and Tretter and Others v. Austria.',
      sr: 'Analiza Fondacije Hajnrih Bel navodi i predmete koji su tada bili pred Sudom, protiv Ujedinjenog Kraljevstva, Francuske i Austrije.',
    },
  },
  {
    id: 'coe-guidelines-facial-recognition',
    kind: 'guidance',
    topics: ['law', 'face-recognition'],
    sources: [src('boell', 'What’s next in Europe?'), src('boell', 'Reference list: Guidelines on Facial Recognition', URLS.coeFaceGuidelines)],
    name: {
      en: 'Council of Europe Guidelines on Facial Recognition (28 January 2021)',
      sr: 'Smernice Saveta Evrope o prepoznavanju lica (28. januar 2021)',
    },
    summary: {
      en: 'Measures for governments, lawmakers, developers, manufacturers, service providers and users so that face recognition does not harm dignity, human rights and data protection; drafted by the Convention 108 committee.',
      sr: 'Mere za vlade, zakonodavce, razvojne timove, proizvođače, pružaoce usluga i korisnike kako prepoznavanje lica ne bi ugrožavalo dostojanstvo, ljudska prava i zaštitu podataka; izradio ih je komitet Konvencije 108.',
    },
  },
  {
    id: 'un-privacy-rapporteur-2020',
    kind: 'guidance',
    topics: ['law', 'face-recognition'],
    sources: [src('boell', LEGAL), src('boell', 'Reference list: UN A/75/147', URLS.unPrivacyReport2020)],
    name: {
      en: 'UN Special Rapporteur on privacy: 2020 thematic reports',
      sr: 'Specijalni izvestilac UN za privatnost: tematski izveštaji iz 2020.',
    },
    summary: {
      en: 'Warn that pandemic-era biometric and mass surveillance risks more rights violations; under Convention 108+, protecting health and protecting privacy must go together. States should also protect people against profiling by commercial surveillance.',
      sr: 'Upozoravaju da biometrijski i masovni nadzor u vreme pandemije nosi rizik novih kršenja prava; po Konvenciji 108+, zaštita zdravlja i zaštita privatnosti moraju ići zajedno. Države treba i da zaštite ljude od profilisanja putem komercijalnog nadzora.',
    },
  },
  {
    id: 'chinese-data-laws',
    kind: 'foreign-law',
    topics: ['law', 'huawei-safe-city', 'cameras'],
    sources: [src('birn2024')],
    name: { en: 'Chinese data laws (as described by BIRN)', sr: 'Kineski zakoni o podacima (prema BIRN-u)' },
    summary: {
      en: 'According to the BIRN report, Chinese law obliges companies to keep data in China and let public security services reach it, which puts data from Chinese-made cameras in Serbia at risk.',
      sr: 'Prema izveštaju BIRN-a, kineski zakoni obavezuju kompanije da podatke čuvaju u Kini i daju pristup službama javne bezbednosti, što ugrožava podatke sa kamera kineske proizvodnje u Srbiji.',
    },
  },
];
