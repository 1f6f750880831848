/**
 * Article texts written for the article-stage tests (not copies of the corpus or of any
 * outlet). Relevant ones are about biometric surveillance in Serbia, several with headlines
 * that do not say so; irrelevant ones are the look-alikes an outlet's feed also carries.
 * `lead` is what a full-lead feed would give; the page holds lead + body.
 */
export interface ArticleText {
  slug: string;
  lang: 'sr-Latn' | 'sr-Cyrl' | 'en';
  relevant: boolean;
  title: string;
  lead: string;
  body: string[];
}

const SR: Omit<ArticleText, 'lang'>[] = [
  {
    slug: 'slavija-kamere',
    relevant: true,
    title: 'Na Slaviji postavljeno još dvanaest novih stubova',
    lead: 'Na Slaviji je tokom vikenda postavljeno dvanaest novih kamera sistema video nadzora, a Ministarstvo unutrašnjih poslova potvrdilo je da su deo projekta Sigurni grad koji se sprovodi sa kompanijom Huawei.',
    body: [
      'Građani su primetili radnike koji su u subotu ujutru montirali stubove sa po dve kamere okrenute ka kružnom toku i ulazima u Beogradsku i Makedonsku ulicu.',
      'Inicijativa za zaštitu prava građana upozorava da kamere mogu da služe za prepoznavanje lica, iako zakon koji bi takvu obradu biometrijskih podataka dozvolio još nije usvojen.',
      'Iz policije nisu odgovorili na pitanje koliko je kamera u Beogradu danas povezano sa softverom za automatsko prepoznavanje lica.',
      'Poverenik za informacije od javnog značaja i zaštitu podataka o ličnosti ranije je ocenio da procena uticaja na zaštitu podataka koju je MUP dostavio ne ispunjava zakonske uslove.',
    ],
  },
  {
    slug: 'nacrt-zakona-rasprava',
    relevant: true,
    title: 'Javna rasprava o nacrtu zakona završena bez odgovora',
    lead: 'Javna rasprava o Nacrtu zakona o unutrašnjim poslovima završena je u petak, a organizacije civilnog društva kažu da ministarstvo nije odgovorilo ni na jednu primedbu o biometrijskom nadzoru.',
    body: [
      'Nacrt predviđa da policija može da koristi kamere sa softverom za prepoznavanje lica na javnim mestima, bez posebne odluke suda za svaku upotrebu.',
      'Pravnici koji su učestvovali u raspravi ističu da takav masovni biometrijski nadzor nije srazmeran i da se protivi Ustavu Srbije i evropskim standardima.',
      'Predstavnici ministarstva rekli su da će sve primedbe biti razmotrene pre nego što nacrt ode Vladi.',
      'Kampanja Hiljade kamera najavila je nove konferencije u Nišu i Novom Sadu.',
    ],
  },
  {
    slug: 'poverenik-misljenje',
    relevant: true,
    title: 'Poverenik ponovo upozorio ministarstvo',
    lead: 'Poverenik za zaštitu podataka o ličnosti uputio je Ministarstvu unutrašnjih poslova mišljenje u kojem navodi da upotreba kamera za prepoznavanje lica u Beogradu nema osnov u zakonu.',
    body: [
      'U mišljenju se navodi da procena uticaja obrade na zaštitu podataka o ličnosti mora da obuhvati sve kamere sistema video nadzora, a ne samo one na raskrsnicama.',
      'Poverenik podseća da je biometrijska obrada podataka posebno osetljiva i da je zakon dozvoljava samo izuzetno.',
      'MUP je saopštio da se sistem koristi u skladu sa propisima i da snimci služe za otkrivanje krivičnih dela.',
    ],
  },
  {
    slug: 'novi-sad-tender',
    relevant: true,
    title: 'Grad raspisao tender vredan 180 miliona dinara',
    lead: 'Grad Novi Sad raspisao je javnu nabavku vrednu 180 miliona dinara za proširenje mreže kamera video nadzora u centru grada i na ulazima u grad.',
    body: [
      'Prema tenderskoj dokumentaciji, kamere moraju da podržavaju analitiku koja prepoznaje lica i registarske tablice, a podaci se čuvaju trideset dana.',
      'Odbornici opozicije traže da se pre nabavke sprovede procena uticaja na zaštitu podataka i javna rasprava.',
      'U gradskoj upravi kažu da je cilj veća bezbednost u saobraćaju i brže otkrivanje počinilaca.',
    ],
  },
  {
    slug: 'skola-kamere',
    relevant: true,
    title: 'Roditelji nezadovoljni odlukom direktora',
    lead: 'Roditelji učenika jedne beogradske osnovne škole protive se postavljanju kamera sa prepoznavanjem lica u hodnicima i učionicama.',
    body: [
      'Direktor škole tvrdi da je sistem video nadzora postavljen zbog bezbednosti dece i da se snimci ne daju nikome.',
      'Udruženje za zaštitu prava deteta podseća da biometrijski podaci dece uživaju najviši nivo zaštite i da škola nije tražila mišljenje Poverenika.',
      'Ministarstvo prosvete nije odgovorilo na pitanja o tome koliko škola u Srbiji ima slične sisteme.',
    ],
  },
  {
    slug: 'huawei-ugovor',
    relevant: true,
    title: 'Ugovor i dalje tajna za javnost',
    lead: 'Ugovor koji je Ministarstvo unutrašnjih poslova potpisalo sa kompanijom Huawei o sistemu Sigurni grad i dalje nije dostupan javnosti, iako je Poverenik naložio da se objavi.',
    body: [
      'Novinari su zahtev za pristup informacijama podneli pre dve godine, a MUP odgovara da je ugovor poverljiv.',
      'Prema dostupnim podacima, u Beogradu je postavljeno više od hiljadu kamera koje mogu da prepoznaju lica.',
      'Stručnjaci upozoravaju da bez ugovora nije moguće znati ko ima pristup snimcima i biometrijskim podacima građana.',
    ],
  },
  {
    slug: 'protest-maske',
    relevant: true,
    title: 'Aktivisti na ulicama sa maskama',
    lead: 'Nekoliko stotina ljudi okupilo se ispred Skupštine Srbije sa maskama na licu, u znak protesta protiv biometrijskog nadzora i kamera za prepoznavanje lica.',
    body: [
      'Okupljeni su nosili transparente sa porukama protiv masovnog nadzora i tražili povlačenje nacrta zakona o unutrašnjim poslovima.',
      'Organizatori kažu da je peticiju protiv kamera potpisalo više od dvadeset hiljada građana.',
      'Protest je protekao mirno, a policija je snimala okupljene.',
    ],
  },
  {
    slug: 'nis-kamere',
    relevant: true,
    title: 'I Niš dobija nove kamere',
    lead: 'Gradsko veće Niša usvojilo je plan za postavljanje novih kamera video nadzora na trgovima i raskrsnicama, u saradnji sa policijskom upravom.',
    body: [
      'Kamere će biti povezane sa centrom policije, a gradonačelnik nije isključio ni mogućnost prepoznavanja lica.',
      'Lokalni aktivisti podsećaju da Srbija nema zakon koji uređuje biometrijski nadzor i traže da se projekat zaustavi.',
    ],
  },
  {
    slug: 'istrazivanje-mapa',
    relevant: true,
    title: 'Građani mapirali više od 1.200 lokacija',
    lead: 'Volonteri su za tri meseca mapirali više od 1.200 kamera video nadzora u Beogradu, a na mnogim lokacijama nema table koja obaveštava da se snima.',
    body: [
      'Mapa kamera pokazuje da je najveća gustina u centru grada, oko Skupštine i Predsedništva, gde se često održavaju protesti.',
      'Autori istraživanja ističu da je reč o kamerama kompanije Huawei koje podržavaju prepoznavanje lica.',
    ],
  },
  {
    slug: 'policija-odgovor',
    relevant: true,
    title: 'Stiglo pismo iz policije',
    lead: 'Policija je u odgovoru na zahtev za slobodan pristup informacijama navela da sistem video nadzora u Beogradu trenutno ne koristi funkciju prepoznavanja lica.',
    body: [
      'U istom odgovoru se, međutim, navodi da je softver za analitiku instaliran i da se može uključiti nakon usvajanja zakona.',
      'Organizacije civilnog društva smatraju da to potvrđuje da je biometrijski nadzor tehnički spreman.',
    ],
  },
  {
    slug: 'sud-presuda',
    relevant: true,
    title: 'Sud odlučio u korist novinara',
    lead: 'Upravni sud presudio je da Ministarstvo unutrašnjih poslova mora da objavi procenu uticaja na zaštitu podataka za kamere sistema Sigurni grad u Beogradu.',
    body: [
      'Novinari su tražili dokument koji opisuje kako se obrađuju snimci i biometrijski podaci građana.',
      'Ministarstvo ima rok od osam dana da postupi po presudi.',
    ],
  },
  {
    slug: 'evropski-parlament',
    relevant: true,
    title: 'Pitanje stiglo i do Brisela',
    lead: 'Poslanici Evropskog parlamenta pitali su Evropsku komisiju kako gleda na upotrebu kamera za prepoznavanje lica u Srbiji tokom pregovora o članstvu.',
    body: [
      'U pitanju se pominje projekat Sigurni grad i kamere kompanije Huawei u Beogradu.',
      'Komisija je odgovorila da Srbija mora da uskladi zakone o zaštiti podataka o ličnosti sa evropskim pravom.',
    ],
  },
  // Irrelevant look-alikes.
  {
    slug: 'pravno-lice',
    relevant: false,
    title: 'Kazna za pravno lice zbog neplaćenog poreza',
    lead: 'Privredni sud u Beogradu izrekao je novčanu kaznu pravnom licu koje tri godine nije plaćalo porez na dodatu vrednost.',
    body: [
      'Odgovorno lice u preduzeću kažnjeno je sa sto hiljada dinara, a preduzeće sa dva miliona.',
      'Poreska uprava najavila je nove kontrole u oblasti trgovine na malo.',
    ],
  },
  {
    slug: 'licna-karta',
    relevant: false,
    title: 'Kako do nove lične karte pre leta',
    lead: 'Ministarstvo unutrašnjih poslova podseća građane da zahtev za novu ličnu kartu i pasoš podnesu na vreme, jer se pred leto stvaraju gužve u policijskim stanicama.',
    body: [
      'Za izdavanje lične karte potrebno je oko dve nedelje, a zahtev se može zakazati preko portala eUprava.',
      'Cena obrasca nije menjana od prošle godine.',
    ],
  },
  {
    slug: 'telefon-test',
    relevant: false,
    title: 'Testirali smo novi telefon: kamera bolja, baterija slabija',
    lead: 'Novi telefon koji je ovog meseca stigao u prodavnice u Srbiji ima bolju kameru od prethodnika i otključavanje licem, ali baterija jedva traje ceo dan.',
    body: [
      'Fotografije noću su oštrije, a zum do pet puta daje upotrebljive slike.',
      'Cena u domaćim prodavnicama počinje od 90.000 dinara.',
    ],
  },
  {
    slug: 'fudbal',
    relevant: false,
    title: 'Partizan slavio u derbiju posle preokreta',
    lead: 'Fudbaleri Partizana pobedili su u derbiju rezultatom 2:1 posle preokreta u drugom poluvremenu pred punim stadionom u Beogradu.',
    body: [
      'Prvi gol postigli su gosti već u petom minutu, a domaći su izjednačili posle sat vremena igre.',
      'Trener je posle meča pohvalio igrače za karakter.',
    ],
  },
  {
    slug: 'vreme',
    relevant: false,
    title: 'Stiže osveženje posle tropskih dana',
    lead: 'Republički hidrometeorološki zavod najavljuje osveženje sa pljuskovima i grmljavinom u većem delu Srbije od srede.',
    body: [
      'Temperatura će pasti za desetak stepeni, a vetar će biti umeren do jak.',
      'Do kraja nedelje očekuje se sunčano vreme.',
    ],
  },
  {
    slug: 'saobracaj',
    relevant: false,
    title: 'Izmene režima saobraćaja zbog radova',
    lead: 'Zbog radova na vodovodnoj mreži biće izmenjen režim saobraćaja u Bulevaru kralja Aleksandra od ponedeljka do petka.',
    body: [
      'Autobuske linije 26 i 27 saobraćaće izmenjenim trasama.',
      'Radovi se izvode noću kako bi gužve bile što manje.',
    ],
  },
];

const EN: ArticleText[] = [
  {
    slug: 'belgrade-cameras-en',
    lang: 'en',
    relevant: true,
    title: 'A city that watches back',
    lead: 'Belgrade has installed more than a thousand Huawei cameras capable of facial recognition, and activists say Serbia is building a surveillance system without any law to govern it.',
    body: [
      'The Safe City project, agreed between the Serbian interior ministry and the Chinese company, was announced in 2019 with little public information.',
      'Digital rights groups warn that mass biometric surveillance would chill protests and journalism in Serbia.',
      'The ministry says the cameras help to solve crimes and that images are stored according to the rules.',
    ],
  },
  {
    slug: 'draft-law-en',
    lang: 'en',
    relevant: true,
    title: 'Draft law returns, critics say little has changed',
    lead: 'Serbia has published a new draft law on internal affairs that would allow the police to use facial recognition cameras in public spaces, critics say.',
    body: [
      'Civil society organisations in Belgrade said the new text repeats the provisions on biometric surveillance that were withdrawn after protests.',
      'The data protection commissioner has asked the ministry for a new data protection impact assessment.',
    ],
  },
  {
    slug: 'eu-report-en',
    lang: 'en',
    relevant: true,
    title: 'Brussels report flags data protection concerns',
    lead: 'The European Commission report on Serbia says that the use of facial recognition technology by the police must be brought in line with EU data protection standards.',
    body: [
      'The report mentions the cameras installed in Belgrade under the Safe City project with Huawei.',
      'Serbian officials said they would respond to the recommendations during the accession talks.',
    ],
  },
  {
    slug: 'uk-shop-en',
    lang: 'en',
    relevant: false,
    title: 'Supermarket chain drops face scanning trial',
    lead: 'A British supermarket chain has ended a trial of facial recognition cameras in its London stores after complaints from customers.',
    body: [
      'The company said it would review how it protects staff from shoplifting.',
      'Privacy campaigners in the UK welcomed the decision.',
    ],
  },
  {
    slug: 'tennis-en',
    lang: 'en',
    relevant: false,
    title: 'Belgrade final goes to three sets',
    lead: 'The final of the Belgrade tennis tournament went to three sets on Sunday before a full centre court.',
    body: ['The champion said the crowd carried her through the last set.', 'Organisers expect an even bigger event next year.'],
  },
];

import { latinToCyrillic } from '../../../../shared/text/transliterate';

function toCyrillic(a: Omit<ArticleText, 'lang'>): ArticleText {
  return {
    ...a,
    slug: `${a.slug}-cyr`,
    lang: 'sr-Cyrl',
    title: latinToCyrillic(a.title),
    lead: latinToCyrillic(a.lead),
    body: a.body.map(latinToCyrillic),
  };
}

/** The Cyrillic outlet carries other stories than the Latin one: every third item. */
export const ARTICLES: ArticleText[] = [
  ...SR.map((a) => ({ ...a, lang: 'sr-Latn' as const })),
  ...SR.filter((_, i) => i % 3 === 1).map(toCyrillic),
  ...EN,
];

/** Headlines in every page's sidebar ("most read"): some are on the subject, to tempt a sloppy extractor. */
export const SIDEBAR = [
  'Kamere za prepoznavanje lica stižu u još tri grada',
  'Huawei i MUP: šta piše u ugovoru o Sigurnom gradu',
  'Poverenik: biometrijski nadzor nije dozvoljen',
  'Najčitanije: recept za prebranac',
];
