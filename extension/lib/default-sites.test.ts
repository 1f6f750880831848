import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import feeds from '../../bot/feeds/default-feeds.json';
import { DEFAULT_MATCHES, DEFAULT_SITES, hostBelongsTo, looksLikeArticle, matchPatternFor, SERBIAN_OUTLETS, siteHost } from './default-sites';
import { REGISTRY_ARTICLES } from './site-addresses';

describe('default sites', () => {
  it('covers every outlet of the feed registry, not the news-search feeds', () => {
    for (const feed of feeds as Array<{ homepage: string; kind?: string }>) {
      const host = siteHost(feed.homepage);
      const covered = DEFAULT_SITES.some((s) => hostBelongsTo(host, s.host));
      if (feed.kind === 'search') expect(covered, host).toBe(false);
      else expect(covered, host).toBe(true);
    }
  });

  it('adds major international outlets', () => {
    const hosts = DEFAULT_SITES.map((s) => s.host);
    expect(hosts).toEqual(expect.arrayContaining(['theguardian.com', 'reuters.com', 'apnews.com']));
  });

  it('includes the major Serbian outlets, each with an article pattern its example matches', () => {
    const hosts = DEFAULT_SITES.map((s) => s.host);
    for (const host of ['blic.rs', 'politika.rs', 'telegraf.rs', 'informer.rs', 'b92.net', 'mondo.rs', 'nin.rs', 'vreme.com', 'insajder.net', 'rtv.rs']) {
      expect(hosts, host).toContain(host);
    }
    for (const site of SERBIAN_OUTLETS) {
      const url = new URL(site.example!);
      expect(hostBelongsTo(url.hostname, site.host), site.host).toBe(true);
      expect(new MatchPattern(matchPatternFor(site.host)).includes(url.href), site.host).toBe(true);
      expect(looksLikeArticle(url.hostname, url.pathname + url.search), site.example).toBe(true);
      // Home and section pages are not articles.
      for (const other of ['/', '/vesti/', '/sr/', '/najnovije']) expect(looksLikeArticle(url.hostname, other), `${site.host}${other}`).toBe(false);
    }
  });

  it('has article patterns only where the content script looks for them (lib/site-addresses.ts)', () => {
    const withPattern = DEFAULT_SITES.filter((s) => s.article).map((s) => s.host).sort();
    expect(withPattern).toEqual([...SERBIAN_OUTLETS.map((s) => s.host), ...Object.keys(REGISTRY_ARTICLES)].sort());
    for (const [host, { article, example }] of Object.entries(REGISTRY_ARTICLES)) {
      const url = new URL(example!);
      expect(DEFAULT_SITES.find((s) => s.host === host)?.article, host).toBe(article);
      expect(looksLikeArticle(url.hostname, url.pathname + url.search), example).toBe(true);
    }
  });

  it('reads every page of a site without a pattern, and of hosts it does not list', () => {
    expect(looksLikeArticle('balkaninsight.com', '/')).toBe(true);
    expect(looksLikeArticle('127.0.0.1', '/latin-article.html')).toBe(true);
  });

  it('lists each host once, without hosts another entry already covers', () => {
    const hosts = DEFAULT_SITES.map((s) => s.host);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(hosts).not.toContain('radar.nova.rs');
  });

  it('gives valid match patterns for the host and its subdomains, both schemes', () => {
    for (const pattern of DEFAULT_MATCHES) expect(() => new MatchPattern(pattern)).not.toThrow();
    const p = new MatchPattern(matchPatternFor('n1info.rs'));
    expect(p.includes('https://n1info.rs/vesti/a')).toBe(true);
    expect(p.includes('http://www.n1info.rs/')).toBe(true);
    expect(p.includes('https://notn1info.rs/')).toBe(false);
  });

  it('matches hosts by suffix on a label boundary', () => {
    expect(hostBelongsTo('www.danas.rs', 'danas.rs')).toBe(true);
    expect(hostBelongsTo('danas.rs.', 'danas.rs')).toBe(true);
    expect(hostBelongsTo('nedanas.rs', 'danas.rs')).toBe(false);
  });

  // Real addresses of each outlet, found in public web pages and code (URL strings only): every
  // article must be read, and no home, section or listing page.
  const REAL: Record<string, { articles: string[]; other: string[] }> = {
    'blic.rs': {
      articles: [
        'https://www.blic.rs/vesti/beograd/oprez-na-dva-tocka-beogradani-ovo-treba-da-znate-pre-nego-sto-sednete-na-bicikl/wsgkd77',
        'https://www.blic.rs/vesti/drustvo/dramaticno-upozorenje-mup-a-sve-ce-da-vrvi-od-policije-sirom-srbije-pojacava-se/44pr4w6',
        'https://www.blic.rs/vesti/politika/afera-ruski-spijun-trese-srbiju-bilo-je-50-pokusaja-da-snimak-ugleda-svetlo-dana-ali/d3kq2nd',
        // An id of letters only: the pattern must not ask for a digit.
        'https://www.blic.rs/vesti/drustvo/srbija-donirala-dva-miliona-evra-direktor-szo-se-na-tviteru-zahvalio-za-milion/edetdnm',
      ],
      other: ['https://www.blic.rs/vesti/politika', 'https://www.blic.rs/vesti/politika?strana=2'],
    },
    'politika.rs': {
      articles: [
        'https://www.politika.rs/sr/clanak/398656/Srbija-bez-b-b-adresa',
        'http://www.politika.rs/sr/clanak/231451/Kapi-u-fokusu',
        'https://www.politika.rs/sr/clanak/749857/renoom-4-u-pariz-po-rasvetu-i-buducnost-svrcuga-kod-herceg-novog',
        'http://www.politika.rs/sr/clanak/349875/Koji-film-je-prvi-prikazan-na-Festu',
        'http://www.politika.rs/sr/clanak/367268/Draskovic-Ruske-parasluzbe-iza-napada-na-Dukanovica-i-Vucica',
        'https://www.politika.rs/sr/clanak/545587/gradski-muzej-u-somboru-obelezava-140-godina-postojanja',
        'http://www.politika.rs/sr/clanak/453708/Protest-ispred-Predsednistva',
      ],
      other: ['https://www.politika.rs/sr/lat/'],
    },
    'telegraf.rs': {
      articles: [
        'https://www.telegraf.rs/vesti/1096931-otkrivamo-misteriju-evo-sta-jmbg-i-6-njegovih-brojeva-govore-o-vama',
        'https://www.telegraf.rs/vesti/2814591-otkrivamo-misteriju-poslednjih-6-cifara-jmbg-evo-sta-one-govore-o-vama',
        'https://www.telegraf.rs/english/4313330-vucic-ratko-mladic-is-in-very-bad-condition-i-dont-understand-why-they-dont-release-him',
      ],
      other: ['https://www.telegraf.rs/english', 'https://telegraf.rs/vesti/politika/page/2', 'https://www.telegraf.rs/rss/english'],
    },
    'informer.rs': {
      articles: [
        'https://informer.rs/planeta/vesti/737153/parlamentarni-izbori-italiji',
        'https://informer.rs/politika/vesti/1097151/aleksandar-vucic-izbori-srbija-stranci-mesanje',
        'https://informer.rs/politika/vesti/1005715/zorana-mihajlovic-da-se-ne-lazemo',
        'https://informer.rs/politika/vesti/562021/vestina-liderstva-procitajte-autorski-tekst-zorana-dordevica',
        'https://informer.rs/politika/vesti/1079050/gubitnici-opozicija-obojena-revolucija',
        'https://informer.rs/politika/vesti/609961/pitanja-koja-dilasu-nisu-postavljena-u-intervjuu',
        'https://informer.rs/politika/vesti/974868/arno-gujon-intervju',
      ],
      other: ['https://informer.rs/', 'https://informer.rs/rss'],
    },
    'b92.net': {
      articles: [
        'http://www.b92.net/info/vesti/index.php?yyyy=2016&mm=11&dd=06&nav_category=11&nav_id=1196343',
        'https://www.b92.net/info/vesti/index.php?yyyy=2021&mm=03&dd=17&nav_category=12&nav_id=1828095',
        'https://www.b92.net/info/vesti/index.php?yyyy=2019&mm=11&dd=30&nav_category=12&nav_id=1624627',
        'http://www.b92.net/info/vesti/index.php?yyyy=2014&mm=02&dd=28&nav_category=11&nav_id=818066',
      ],
      other: ['https://www.b92.net/info/vesti/', 'http://www.b92.net/info/vesti/index.php?&nav_category=11&start=20'],
    },
    'mondo.rs': {
      articles: [
        'https://mondo.rs/Info/Politika/a2012082/izgradice-se-spomenik-na-mestu-nesrece-kod-zeleznicke-stanice-u-novom-sadu.html',
        'https://mondo.rs/Info/Svet/a1838090/Beskucnik-sa-60-godina-zavrsio-fakultet.html',
        'https://mondo.rs/Info/Svet/a1606973/Sastanak-Venecuele-i-Amerike-zbog-nafte.html',
        'https://mondo.rs/Info/Ekonomija/a1320895/Sasomange-online-kupoprodaja-sasomange.rs.html',
      ],
      other: ['https://mondo.rs/Info/Ekonomija', 'https://mondo.rs/Info/Srbija/'],
    },
    'nin.rs': {
      articles: [
        'https://www.nin.rs/bbc/vesti/66507/ko-je-odgovoran-za-bezbednost-na-javnim-skupovima',
        'https://www.nin.rs/bbc/vesti/71667/incident-u-pionirskom-parku-u-beogradu-sta-se-dogodilo-izmedu-zeljka-latasa-i-milosa-pavlovica',
        'https://www.nin.rs/bbc/vesti/67229/svi-studentski-zahtevi-bice-ispunjeni-u-narednim-danima-tvrdi-vucic',
        'https://nin.rs/politika/vesti/70366/nemacka-stampa-haos-kakav-srpski-parlament-nije-video',
        'https://www.nin.rs/bbc/vesti/93698/dan-zalosti-u-srbiji-na-godisnjicu-tragedije-u-novom-sadu',
      ],
      other: ['https://www.nin.rs/rss'],
    },
    'vreme.com': {
      articles: [
        'https://vreme.com/vesti/ana-djuric-sve-konstraktine-pobede',
        'https://vreme.com/vreme/radioaktivna-buducnost',
        'https://vreme.com/vreme/nedelja-94',
        'https://vreme.com/vesti/soundtrack-cacilenda-kosovo-i-cica-draza-nad-mobilnim-klozetima',
        'https://vreme.com/vesti/atentat-na-vucica-ovaj-divan-svajcarski-voz',
        'https://vreme.com/vreme/direktan-prenos-silovanja/',
        'https://vreme.com/vesti/tajni-video-nadzor-gradjana-srbije-nasmesi-se-policija-snima',
        'https://vreme.com/?p=4947653',
      ],
      other: ['https://vreme.com/category/komentar/page/66', 'https://vreme.com/search/vlada/page/244', 'https://vreme.com/category/vreme/page/68'],
    },
    'insajder.net': {
      articles: [
        'https://www.insajder.net/arhiva/tema/prodaja-pkb-drzava-al-dahri-naplacivala-hektar-4-700-evra-a-sada-zemljiste-prodaje-po-osam-puta-vecoj-ceni-video',
        'https://www.insajder.net/arhiva/tema/privatizacija-rtb-a-bor-kao-amnestija',
        'https://insajder.net/sr/sajt/tema/14113/',
      ],
      other: ['https://www.insajder.net/teme', 'https://insajder.net/vesti/', 'https://insajder.net/feed', 'https://insajder.net/en/site/serijali/?ins=izg'],
    },
    'rtv.rs': {
      articles: [
        'https://www.rtv.rs/sr_lat/vojvodina/backa/holivudski-san-somborca-ernesta-bosnjaka_882542.html',
        'https://rtv.rs/sr_lat/zivot/porodica/zakon-o-oglasavanju-stiti-decu-i-maloletnike_914953.html',
      ],
      other: ['https://rtv.rs/sr_lat/rss/', 'https://rtv.rs/sr_lat/program/prvi-program/satnica'],
    },
  };

  // The registry's major Serbian outlets: real addresses from the labelled corpus and the
  // collected items (test/fixtures/corpus), and their home and section pages.
  Object.assign(REAL, {
    'n1info.rs': {
      articles: [
        'https://n1info.rs/english/news/a459043-1000-new-security-cameras-in-belgrade-by-2020/',
        'https://n1info.rs/english/news/a478212-smart-cities-in-serbia-by-huawei/',
        'https://n1info.rs/english/news/guardian-serbian-government-critics-targeted-with-spyware/',
        'https://n1info.rs/english/news/kosovo-police-launch-raids-seize-security-cameras/',
      ],
      other: ['https://n1info.rs/', 'https://n1info.rs/english/', 'https://n1info.rs/english/news/', 'https://n1info.rs/vesti/'],
    },
    'danas.rs': {
      articles: [
        'https://danas.rs/dijalog/licni-stavovi/zadrzavanje-podataka-naspram-prisluskivanja',
        'https://danas.rs/drustvo/u-septembru-u-srbiji-zajednicke-patrole-srpskih-i-kineskih-policajaca',
        'https://www.danas.rs/drustvo/mup-ima-pravo-da-snima-javna-mesta/',
        'https://www.danas.rs/vesti/drustvo/rebic-mup-ne-koristi-takozvani-sistem-za-prepoznavanje-lica/',
      ],
      other: ['https://www.danas.rs/', 'https://www.danas.rs/vesti/drustvo/', 'https://www.danas.rs/dijalog/licni-stavovi/'],
    },
    'nova.rs': {
      articles: [
        'https://nova.rs/vesti/drustvo/softver-za-prepoznavanje-lica-video-nadzor/?comments',
        'https://nova.rs/vesti/drustvo/kokanovic-primetio-sam-da-mediji-objavljuju-sadrzaj-mojih-privatnih-razgovora-sumnjam-na-prisluskivanje-bia',
      ],
      other: ['https://nova.rs/', 'https://nova.rs/vesti/', 'https://nova.rs/vesti/drustvo/'],
    },
    'rts.rs': {
      articles: [
        'http://rts.rs/page/stories/sr/story/125/drustvo/3120865/video-nadzor-za-vecu-sigurnost-zajecaraca.html',
        'https://rts.rs/vesti/drustvo/5633509/vandalizam-na-decijim-igralistima---zasto-su-javni-prostori-ugrozeni.html',
        'https://www.rts.rs/page/stories/ci/story/124/drustvo/4270207/saobrcajna-policija-kamere-prekrsaji-registracija.html?email=yes',
        'https://www.rts.rs/vesti/srbija-danas/1183656/za-bezbednije-ulice.html',
      ],
      other: ['https://www.rts.rs/', 'https://www.rts.rs/vesti/drustvo.html', 'https://www.rts.rs/page/stories/sr/story/125/drustvo.html'],
    },
    'kurir.rs': {
      articles: [
        'https://kurir.rs/amp/2965925/resena-misterija-kamera-u-beogradu-stefanovic-mup-ih-je-postavio-i-bice-ih-jos',
        'https://kurir.rs/vesti/drustvo/4405843/ministar-dacic-neophodno-je-da-policija-bude-dobro-opremljena-foto',
        'https://www.kurir.rs/crna-hronika/9889302/maloletnik-trebalo-da-ubije-alibega',
        'https://biznis.kurir.rs/info-biz/9792423/ko-sme-da-snimi-vase-lice-u-kolima',
      ],
      other: ['https://www.kurir.rs/', 'https://www.kurir.rs/vesti/politika', 'https://www.kurir.rs/crna-hronika'],
    },
    'novosti.rs': {
      articles: [
        'http://novosti.rs/vesti/politika/1364434/celicno-prijateljstvo-vucic-djipingom-vazne-poruke-srpskog-kineskog-predsednika-prestonice-srbije-foto-video',
        'https://novosti.rs/amp/srbija/vesti/927019/pokriveno-video-nadzorom-gradsko-groblje-kraljevu-pod-kamerama',
        'https://novosti.rs/c/beograd/vesti/1441398/osniva-beogradska-sluzba-bezbednosti-imace-jako-vazan-zadatak-sapic-izneo-sve-detalje',
        'https://recepti.novosti.rs/srbija/vesti/1551149/snimaju-prestupnike-video-nadzor-divljim-deponijama',
        'https://novosti.rs/%D0%B2%D0%B5%D1%81%D1%82%D0%B8/%D0%B1%D0%B5%D0%BE%D0%B3%D1%80%D0%B0%D0%B4.491.html:819869-%D0%A1%D0%90%D0%9B%D0%95',
      ],
      other: ['https://www.novosti.rs/', 'https://www.novosti.rs/c/beograd/vesti', 'https://www.novosti.rs/srbija/vesti/'],
    },
    '021.rs': {
      articles: [
        'https://021.rs/story/Info/Srbija/282523/Kamere-na-stadionima-lovice-verbalne-prestupe-Pokazna-vezba-onima-koji-skandiraju-protiv-Vucica.html',
        'https://021.rs/story/Novi-Sad/Vesti/40880/Informatika-Niko-se-nije-zalio-na-video-nadzor.html',
        'https://www.021.rs/info/srbija/260605/share-fondacija-pokrenula-kampanju-protiv-biometrijskog-nadzora',
        'https://www.021.rs/info/srbija/352634/kineske-kamere-vec-kupljene-nepoznato-da-li-ce-biti-provere-upotrebe-softvera-za-prepoznavanje-lica',
      ],
      other: ['https://www.021.rs/', 'https://021.rs/tag/18219/780', 'https://www.021.rs/info/srbija'],
    },
  });

  it.each(Object.entries(REAL))('%s: its real articles are read, its other pages are not', (host, { articles, other }) => {
    expect(DEFAULT_SITES.find((s) => s.host === host)?.article, host).toBeDefined();
    for (const address of articles) {
      const url = new URL(address);
      expect(looksLikeArticle(url.hostname, url.pathname + url.search), address).toBe(true);
    }
    for (const address of other) {
      const url = new URL(address);
      expect(looksLikeArticle(url.hostname, url.pathname + url.search), address).toBe(false);
    }
  });
});
