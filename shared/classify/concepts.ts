import type { Topic } from '../model/types';

/**
 * The concept lexicon: multilingual surface forms of the ideas that decide relevance.
 *
 * Terms are written in folded form (lower case, Latin, no diacritics: see shared/text/fold),
 * so one entry matches Cyrillic, Latin and diacritic-free text alike. Each word of a term is a
 * word *prefix* ("prepoznavanj lic" matches "prepoznavanje lica", "prepoznavanju lica",
 * "препознавања лица"), which stands in for inflection; a word written "=x" must match exactly.
 * The learned weights (weights.json) say how much each concept, and each pair of concepts,
 * counts; this file only says what each concept looks like.
 */
export interface Concept {
  id: string;
  /** Shown to users in reasons (English; the classifier's output language). */
  label: string;
  /** The same in Serbian Latin, for Serbian interfaces (Cyrillic by transliteration). */
  labelSr: string;
  /** The facet this concept reports when it matches. */
  topic?: Topic;
  /**
   * Which half of the decision the concept informs: "place" (is this about Serbia?) or, by
   * default, "topic" (is this about biometric or smart surveillance?).
   */
  head?: 'place';
  /** A cue the model weighs but people need not read (wording, dialect): never a reason. */
  internal?: true;
  terms: string[];
}

export const CONCEPTS: Concept[] = [
  {
    id: 'serbia',
    label: 'Serbia',
    labelSr: 'Srbija',
    head: 'place',
    terms: [
      'srbij', 'serbia', 'serbie', 'serbien', 'serbii', 'serbiji', 'srbsk', 'srpsk', 'serbian', 'serbisch',
      'serbe', 'serbo', 'serba', 'srbi', 'srbin', 'beograd', 'belgrad', 'novi sad', 'novom sad', 'novog sad',
      'novosad', '=nis', 'nisu grad', 'grad nis', 'kragujev', 'subotic', 'cacak', 'kraljev', 'zrenjanin', 'pancev',
      'smederev', 'valjev', 'leskovac', 'vranj', 'sabac', 'slavij', 'zemun', 'vracar', 'zvezdar', 'cukaric',
      'vozdovac', 'rakovic', 'obrenovac', 'mladenovac', 'surcin', 'lazarevac', 'knez mihailov', 'terazij',
      'trg republik', 'novom beograd', 'novi beograd', 'vucic', 'dacic', 'vulin', 'stefanovic nebojs',
      'nebojs stefanovic', 'brnabic', 'gasic', 'vucevic', 'sapic', 'vesic', 'vlad srbij', '=servie', 'servisch', 'mup srbij', 'beogradsk', 'skupstin srbij', 'narodn skupstin',
      // Towns and regions: local news names the town, not the country.
      'vojvodin', 'temerin', 'kanjiz', 'becej', 'vrbas', 'sombor', 'kikind', 'vrsac', 'indjij', 'sremsk mitrovic',
      'stara pazov', 'staroj pazov', 'backa palank', 'backoj palanc', 'loznic', 'pirot', 'zajecar', '=bor', '=boru',
      'prokuplj', 'jagodin', 'cuprij', 'paracin', 'pozarevac', 'pozarevc', 'uzic', 'krusevac', 'krusevc',
      'novi pazar', 'novom pazar', 'negotin', 'arandjelovac', 'arandjelovc', 'gornj milanovac',
      'aleksinac', 'aleksinc', 'trstenik', 'vrnjack banj', 'sokobanj', 'knjazevac', 'knjazevc', 'svilajnac',
      'despotovac', 'prijepolj', 'priboj', 'sjenic', 'ivanjic', 'kosjeric', 'bujanovac', 'bujanovc', 'presev',
      'surdulic', 'vladicin han', '=kladovo', '=kladova', '=kladovu', '=kladovom', 'majdanpek', 'petrovaradin', 'sremsk karlovc', 'backa topol',
      'backoj topol', 'grock', 'barajev', 'savsk venac', 'savskom vencu', 'sumadij', 'nislij',
      'szerb', 'serbi',
    ],
  },
  {
    id: 'elsewhere',
    label: 'another country',
    labelSr: 'druga zemlja',
    head: 'place',
    terms: [
      'hrvatsk', 'croati', 'kroati', 'zagreb', 'crn gor', 'crnoj gor', 'crnu gor', 'montenegr', 'podgoric', 'budv',
      'bosn', 'republik srpsk', 'republic of srpsk', 'republik srpskoj', 'srpskoj', 'banj luk', 'banjaluk',
      'prnjavor', 'bijeljin', 'sarajev', 'russi', 'rusij', 'ruski', 'moscow', 'moskv', 'moskau', 'mosca',
      'moscou', 'xinjiang', 'uyghur', 'uighur', 'ujgur', 'london', 'british', 'britanij', 'detroit', 'michigan',
      'hungar', 'madjarsk', 'ungarn', 'hongrie', 'budapest', 'budimpest', 'orban', 'netherland', 'dutch',
      'holandij', 'nizozemsk', 'ital', 'denmark', 'dansk', 'danish', 'botswan', 'francistown',
      'makedonij', 'macedoni', 'skopj', 'bulgari', 'bugarsk', 'sliven', 'sloveni', 'ljubljan', 'slovensk',
      'morocc', 'maroc', 'marok', 'america', 'amerik', 'united stat', '=usa', 'french', 'franc',
      'german', 'nemack', 'njemack', 'deutsch', 'spain', 'polish', 'poljsk', 'albani',
      'greece', 'grck', 'austri', 'austrij', 'kenij', 'kenya', 'nairobi', 'ugand', 'zimbabv', 'zimbabw', 'ekvador',
      'ecuador', 'pakistan', 'argentin', 'brazil', 'brasil', 'indij', 'india', 'kosov', 'pristin', 'prishtin',
      'hercegovin', 'herzegovin', 'mostar', 'tuzl', 'zenic', 'niksic', '=tirana', 'kanton sarajev', 'mup rs',
      'republike srpske', 'istocn sarajev', 'doboj', 'trebinj',
    ],
  },
  {
    id: 'face',
    label: 'face recognition',
    labelSr: 'prepoznavanje lica',
    topic: 'face-recognition',
    terms: [
      'prepoznavanj lic', 'prepoznavanja lic', 'prepozna lic', 'prepoznaj lic', 'prepoznavanjem lic',
      'prepoznavanje lic', 'lic prepozna', 'face recogn', 'facial recogn', 'face detect', 'facial detect',
      'detekcij lic', 'detektovanj lic', 'gesichtserkenn', 'reconnaissanc facial', 'riconosciment facial',
      'reconheciment facial', 'rozpoznawan twarz', 'prepoznavanj obraz', 'raspoznavan lic', 'prepoznavanj na lic',
      'licev razpoznavan', 'face and object recogn', 'gezichtsherkenn', 'ansiktsigenk', 'facepay', '=face =pay', 'prepoznavanj lica',
      'softver za prepoznavanj', 'identifikacij lic', 'skeniranj lic', 'skeniranje lic', 'biometrijsk skeniranj',
      'riconosciment facc', 'reconocimient facial', '=face =scan', '=face =scans', '=face scann', '=facial =scan', '=facial =scans', '=facial scann', 'faceprint',
      'gait recogn', 'emotion recogn', 'prepoznavanj hod', 'prepoznavanj emocij',
    ],
  },
  {
    id: 'biometric',
    label: 'biometrics',
    labelSr: 'biometrija',
    topic: 'face-recognition',
    terms: ['biometri', 'biometry', 'biometrie'],
  },
  {
    id: 'cameras',
    label: 'cameras',
    labelSr: 'kamere',
    topic: 'cameras',
    terms: [
      'kamer', 'camera', 'camer', 'cctv', 'videonadzor', 'video nadzor', 'video surveil',
      'videosurveil', 'videouberwach', 'videonadzir', 'video nadzir', 'videosorveglian', 'videonabljud',
      'video obezbedj', 'videoobezbedj', 'kamery', 'videokamer', 'videocamer',
    ],
  },
  {
    id: 'surveillance',
    label: 'surveillance',
    labelSr: 'nadzor',
    terms: [
      'nadzor', 'surveil', 'nadzir', 'uberwach', 'sorveglian', 'inwigil', 'nadziran', 'nadgledan', 'nabljudeni',
      'monitoring gradjan', 'pracenj gradjan', 'masovn nadz', 'terfigyel', 'megfigyel',
    ],
  },
  {
    id: 'mass-surveillance',
    label: 'mass surveillance',
    labelSr: 'masovni nadzor',
    terms: [
      'masovn nadzor', 'masovnog nadzor', 'mass surveil', 'masovni biometrijsk', 'biometrijsk nadzor',
      'biometric surveil', 'biometrijsk masovn', 'biometric mass', 'biometrijskog nadzor', 'pametn kamer',
      'smart camer', 'smart cctv', 'ai camer', 'kamer sa vestack', 'intelligent video', 'video analyt', 'videoanalitik',
      'video analitik', 'predictive policin', 'prediktivn polic',
    ],
  },
  {
    id: 'safe-city',
    label: 'Safe City / Safe Society',
    labelSr: 'Bezbedan grad / Bezbedno društvo',
    topic: 'huawei-safe-city',
    terms: [
      'safe cit', 'safe and smart cit', 'sicher stadt', 'sicher und intelligent stadt', 'sigurn grad', 'bezbedn grad', 'safe societ', 'bezbedn drustv', 'sigurn drustv',
      '=elte', 'komandn centar', 'command cent', 'command and control', 'nadzorn centar', 'operativn centar',
    ],
  },
  {
    id: 'vendor',
    label: 'Huawei / camera vendors',
    labelSr: 'Huawei / proizvođači kamera',
    topic: 'huawei-safe-city',
    terms: ['huawei', 'huavej', 'hikvision', 'dahua', 'hajkvizn', 'hikvizion', 'griffeye', 'clearview', 'pimeyes', 'idemia', 'megvii', 'sensetime', 'uniview'],
  },
  {
    id: 'plates',
    label: 'licence-plate recognition',
    labelSr: 'prepoznavanje registarskih tablica',
    topic: 'cameras',
    terms: [
      'registarsk tablic', 'prepoznavanj tablic', 'licence plate', 'license plate', 'number plate', '=anpr', '=alpr',
      'neregistrovan vozil', 'automatsk detekcij', 'automatsk prepoznavanj', 'oko sokolov', 'citac tablic',
      'citaci tablic', 'detekcij prekrsaj',
    ],
  },
  {
    id: 'serbian-usage',
    label: 'Serbian (ekavian) wording',
    labelSr: 'srpski (ekavski) izraz',
    head: 'place',
    internal: true,
    terms: [
      'predsednik', 'poverenik', 'sproveden', 'bezbedn', 'opstin', 'uslov', 'vreme', 'mesto', 'mesta', 'dece', 'deca', 'saopst', 'sednic',
      'poslanik', 'obezbedj', 'primen', 'gradonacelnik', 'ministarstv unutrasnj', 'uprkos', 'nedelj', 'takodje',
    ],
  },
  {
    // Ijekavian and Croatian wording: news from Bosnia, Republika Srpska, Montenegro or Croatia.
    id: 'ijekavian',
    label: 'ijekavian or Croatian wording',
    labelSr: 'ijekavski ili hrvatski izraz',
    head: 'place',
    internal: true,
    terms: [
      'predsjednik', 'povjerenik', 'bezbjedn', 'mjest', 'vrijem', 'djec', 'sjednic', 'uvjet', 'tjedn', 'tisuc',
      'opcin', 'zupanij', 'obavijest', 'vijest', 'primjen', 'obezbjedj', 'takodjer', 'zastupnik', 'unutarnj',
      'kanton', 'entitet', 'sjediste', 'rjesenj', 'prijedlog', 'nadlezn tijel', 'tijel', 'stanovnistv bih',
    ],
  },
  {
    // Serbian bodies, people and campaigns that name the country without saying "Serbia".
    id: 'serbian-actors',
    label: 'Serbian institutions and campaigns',
    labelSr: 'srpske institucije i kampanje',
    head: 'place',
    terms: [
      'share fondacij', 'fondacij share', 'share foundation', 'sharefoundation', 'hiljad kamer', 'hiljadekamer',
      'thousands of cameras', 'thousand cameras', 'ne snimaj', 'marinovic', 'sabic', 'rebic', 'dacic', 'gasic',
      'poverenik za informacij', 'poverenik za zastit', 'information of public importance', 'zakon o unutrasnj poslov',
      'zakona o unutrasnj poslov', 'nacrt zakon o unutrasnj', 'law on internal affairs', 'law on interior affairs',
      'draft law on internal', 'bezbedn grad', 'bezbedn drustv', 'mup srbij', 'uprav kriminalistick polic',
      'gradsk uprav beograd', 'skupstin grad', 'narodn skupstin', '=krik', 'birn srbij', 'n1 srbij', '=rts',
      'zastitnik gradjan', 'bezbednosno informativn', 'naprednjac', 'srpsk napredn',
      '=cins', 'istinomer', 'raskrikavanj', 'juzn =vesti', '=blic', '=b92', 'vecernj novost', 'macut',
    ],
  },
  {
    id: 'smart-city',
    label: 'smart city',
    labelSr: 'pametni grad',
    terms: ['smart cit', 'pametn grad', 'smart-cit', 'pametnog grad'],
  },
  {
    id: 'law',
    label: 'the draft Law on Internal Affairs',
    labelSr: 'Nacrt zakona o unutrašnjim poslovima',
    topic: 'law',
    terms: [
      'zakon o unutrasnj poslov', 'zakon o unutrasnj', 'law on internal affair', 'internal affairs law',
      'nacrt zakon', 'predlog zakon', 'draft law', 'zakon o polic', 'law on polic', 'police law',
      'draft bill', 'bill on internal',
    ],
  },
  {
    id: 'ai-act',
    label: 'the AI Act',
    labelSr: 'Akt o veštačkoj inteligenciji',
    topic: 'law',
    terms: ['ai act', 'akt o vestack', 'artificial intelligence act', 'zakon o vestack', 'regulativ o vestack'],
  },
  {
    id: 'dpia',
    label: 'the Commissioner / DPIA',
    labelSr: 'Poverenik / procena uticaja',
    topic: 'dpia-commissioner',
    terms: [
      'poverenik', 'poverenic', 'commissioner', 'procen uticaj', 'impact assess', '=dpia', 'data protection',
      'zastit podatak', 'zastit licn podatak', 'podatak o licnost', 'personal data', 'licn podac', 'datenschutz',
      'zastit privatnost', 'privatnost', 'privacy',
    ],
  },
  {
    id: 'foi',
    label: 'freedom-of-information requests',
    labelSr: 'zahtevi za pristup informacijama',
    topic: 'dpia-commissioner',
    terms: [
      'slobodn pristup', 'informacij od javn', 'freedom of inform', '=foi', 'zahtev za pristup', 'pristup informacij',
      'access to inform',
    ],
  },
  {
    id: 'campaign',
    label: 'civil-society campaign',
    labelSr: 'kampanja civilnog društva',
    topic: 'campaign',
    terms: [
      'share fondacij', 'share foundation', 'ser fondacij', 'share fundacij', 'fondacij share', 'hiljad kamer',
      'hiljadekamer', 'thousands of camer', 'thousand camer', 'reclaim your fac', 'reclaimyourfac', 'ne snimaj',
      'petici', 'petition', 'peticij', '=edri', 'european digital right', '=birn', 'balkan insight',
      'partner srbij', 'partners serbi', 'partneri za demokratsk', '=bcsp', 'beogradsk centar za bezbednosn',
      'belgrade centre for security', 'belgrade center for security', 'civiln drustv', 'civil societ',
      'mapiranj kamer', 'mapping camer', 'mapir',
    ],
  },
  {
    id: 'protest',
    label: 'protests and activists',
    labelSr: 'protesti i aktivisti',
    topic: 'protest',
    terms: ['protest', 'demonstr', 'blokad', 'aktivist', 'activist', 'demonstrant', 'prosvjed'],
  },
  {
    id: 'procurement',
    label: 'camera procurement by local governments',
    labelSr: 'nabavka kamera lokalnih samouprava',
    topic: 'local-procurement',
    terms: [
      'javn nabav', 'nabavk', 'nabavi', 'nabavlj', 'procur', 'tender', 'opstin', 'municipal', 'lokaln samouprav',
      'local govern', 'local self', 'gradsk uprav', 'skol', 'school', 'schul', 'kindergart', 'vrtic', 'bolnic',
      'hospital',
    ],
  },
  {
    id: 'police',
    label: 'police and the Ministry of Interior',
    labelSr: 'policija i MUP',
    terms: [
      'policij', 'policaj', '=mup', 'ministarstv unutrasnj', 'ministry of interior', 'interior ministr', 'ministry of internal',
      'minist unutrasnj', 'polizei', 'police', 'bezbednosn',
    ],
  },
  {
    id: 'spyware',
    label: 'spyware and wiretapping',
    labelSr: 'špijunski softver i prisluškivanje',
    topic: 'spyware',
    terms: [
      'pegasus', 'spyware', 'spijun', 'spiunazh', 'novispy', 'cellebrite', '=predator', 'prislus', 'wiretap',
      'zadrzavanj podatak', 'data retent', 'spijunsk softver', 'spiun', 'spyw', 'spionage', 'bubic', '=imsi',
      'imsi catch', 'imsi kecer', 'kecer', 'presretanj', 'intercept',
    ],
  },
  {
    id: 'numbers',
    label: 'the camera figures (1,000 / 8,100)',
    labelSr: 'brojevi kamera (1.000 / 8.100)',
    topic: 'cameras',
    terms: ['=1000 kamer', '=8100', '=8000 kamer', '=2000 kamer', '=1000 camer', '=8100 camer', '=1000 lokacij', '=800 lokacij', '=800 locat'],
  },
  // Look-alikes: phrases that contain a trigger word but are about something else.
  {
    id: 'legal-person',
    label: 'legal-person wording ("pravno/fizičko lice"), not faces',
    labelSr: 'pravno/fizičko lice, ne lice osobe',
    terms: [
      'pravn lic', 'fizick lic', 'odgovorn lic', 'sluzben lic', 'ovlascen lic', 'trec lic', 'pravnih lic',
      'fizickih lic', 'pravno lic', 'fizicko lic', 'privredn drustv', 'privredn prestup',
    ],
  },
  {
    id: 'documents',
    label: 'identity documents',
    labelSr: 'lična dokumenta',
    terms: [
      'licn kart', 'licne kart', 'pasos', 'passport', 'id card', 'identity card', 'putn isprav', 'licn dokument',
      'biometrijsk pasos', 'biometric passport', 'novih licnih', 'elektronsk licn', 'identiteta fizick',
    ],
  },
  {
    id: 'border',
    label: 'EU border registration (EES/ETIAS)',
    labelSr: 'registracija na granici EU (EES/ETIAS)',
    terms: [
      '=ees', 'entry exit', 'entry/exit', 'etias', 'schengen', 'sengen', 'otisak prst', 'otisk prst',
      'fingerprint', 'granic eu', 'granici eu', 'granicam eu', 'border', 'ulazak u eu', 'putnik',
    ],
  },
  {
    id: 'gadget',
    label: 'consumer gadgets',
    labelSr: 'potrošačka elektronika',
    terms: [
      'smartphon', 'smartfon', 'iphone', 'samsung', 'megapix', 'megapiksel', 'xiaomi', 'selfie', 'objektiv',
      'fotoaparat', 'dashcam', 'face id', 'telefon', 'maimang', 'pixel', 'galaxy', 'otkljucavanj', 'unlock',
      'smartwatch', 'laptop', 'test telefon', 'review',
    ],
  },
  {
    id: 'traffic',
    label: 'traffic enforcement',
    labelSr: 'saobraćajna kontrola',
    terms: [
      'saobracaj', 'brzin', 'prekrsaj', 'radar', 'speeding', 'traffic', 'vozac', 'driver', 'kazn', 'speed camer',
      'red light', 'red-light', 'crven svetl', 'semafor', 'ogranicenj brzin',
    ],
  },
  {
    id: 'private-cctv',
    label: 'CCTV inside a building, vehicle or private property',
    labelSr: 'video nadzor u zgradi, vozilu ili na privatnom posedu',
    terms: [
      'autobus', 'gradsk prevoz', 'javn prevoz', 'tramvaj', 'trolejbus', 'groblj', 'cemeter', 'stamben zgrad',
      'stambenoj zgrad', 'stambenih zgrad', 'komsij', 'dvorist', 'privatn kuc', 'privatn posed', 'privatn objekt',
      'prodavnic', 'pijac', 'trzn centr', 'trzni centr', 'bus fleet', 'buses', 'on buses', 'private propert',
      'neighbour', 'neighbor', 'zgrad skupstin', 'skupstinsk zgrad', 'parliament building', 'ucionic',
      'classroom', 'deponij', 'tvrdjav', 'kalemegdan', 'klinik', 'toalet', 'privatn obezbedj', 'fizick tehnick zastit',
      'tehnick zastit', 'alarm', 'ip kamer', 'analogn kamer',
      'dashcam', 'bodycam', 'body camer', 'telesn kamer',
    ],
  },
  {
    id: '5g',
    label: '5G / telecoms',
    labelSr: '5G / telekomunikacije',
    terms: ['=5g', 'frekvencij', 'spectrum', 'spektar', 'aukcij', 'auction', 'ratel', 'telekom', 'mobiln mrez'],
  },
  {
    id: 'payments',
    label: 'payments and banking',
    labelSr: 'plaćanje i bankarstvo',
    terms: ['bank', 'placanj', 'payment', '=pay', 'fare', 'racun', 'kartic'],
  },
  {
    id: 'china',
    label: 'China',
    labelSr: 'Kina',
    terms: ['=kina', '=kine', '=kini', '=kinu', 'kinesk', 'china', 'chines', 'chinesisch', 'si djinping', 'xi jinping', 'peking', 'beijing', 'pojas i put', 'belt and road'],
  },
  {
    id: 'ai',
    label: 'artificial intelligence',
    labelSr: 'veštačka inteligencija',
    terms: ['vestack inteligencij', 'artificial intellig', '=ai', 'umjetn inteligencij', 'umetn inteligencij', 'kunstlich intellig', 'intelligenc artificiel'],
  },
  {
    id: 'rights',
    label: 'human rights',
    labelSr: 'ljudska prava',
    terms: ['ljudsk prav', 'human right', 'prav gradjan', 'gradjansk slobod', 'civil libert', 'menschenrecht'],
  },
  {
    id: 'sport',
    label: 'sport',
    labelSr: 'sport',
    terms: ['fudbal', 'football', 'derbi', 'derby', 'utakmic', 'sudij', 'penal', 'liga', 'kolo', '=var', 'stadion'],
  },
  {
    id: 'photo-art',
    label: 'photography and art',
    labelSr: 'fotografija i umetnost',
    terms: ['izlozb', 'exhibit', 'galerij', 'fotografij', 'umetnost', 'portret', 'film'],
  },
];

/** Concepts whose pairwise co-occurrence the model weighs on its own (e.g. Serbia × face). */
export const PAIRED_CONCEPTS = [
  'serbia', 'elsewhere', 'face', 'biometric', 'cameras', 'surveillance', 'safe-city', 'vendor', 'law', 'dpia',
  'campaign', 'police', 'spyware', 'legal-person', 'documents', 'border', 'procurement', 'protest', 'china',
  'mass-surveillance', 'ai-act', 'plates', 'serbian-usage', 'traffic', 'gadget', 'payments', 'sport', 'ai',
  'serbian-actors', 'ijekavian', 'private-cctv',
];
