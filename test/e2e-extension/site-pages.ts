/**
 * The test pages of the Serbian outlets' sites: one article template, each outlet with its own
 * name, script, colours and fixed controls (a cookie bar, a bottom navigation bar, a back-to-top
 * button), served at `sites/<host>.html` by the fixture server. Invented text from the
 * campaign's facts; each page stands for an article at its outlet's example address
 * (extension/lib/site-addresses.ts; names as the options page lists them).
 */
import { DEFAULT_SITES } from '../../extension/lib/default-sites';

type Fixed = 'cookie' | 'bottombar' | 'totop';

interface SitePage {
  script: 'Latn' | 'Cyrl';
  /** A dark site (the panel's theme must follow it). */
  dark?: boolean;
  /** The site header stays at the top while scrolling. */
  stickyHeader?: boolean;
  fixed: Fixed[];
}

export const SITE_PAGES: Record<string, SitePage> = {
  'blic.rs': { script: 'Latn', fixed: ['cookie'] },
  'politika.rs': { script: 'Cyrl', fixed: ['totop'] },
  'telegraf.rs': { script: 'Latn', dark: true, fixed: [] },
  'informer.rs': { script: 'Latn', fixed: ['bottombar'] },
  'b92.net': { script: 'Latn', stickyHeader: true, fixed: [] },
  'mondo.rs': { script: 'Latn', fixed: ['cookie', 'totop'] },
  'nin.rs': { script: 'Latn', fixed: [] },
  'vreme.com': { script: 'Latn', fixed: ['totop'] },
  'insajder.net': { script: 'Latn', fixed: ['bottombar'] },
  'rtv.rs': { script: 'Cyrl', fixed: ['cookie'] },
  // The feed registry's outlets.
  'n1info.rs': { script: 'Latn', stickyHeader: true, fixed: ['cookie'] },
  'danas.rs': { script: 'Latn', fixed: ['totop'] },
  'nova.rs': { script: 'Latn', fixed: ['bottombar'] },
  'rts.rs': { script: 'Cyrl', fixed: ['cookie', 'totop'] },
  'kurir.rs': { script: 'Latn', fixed: ['bottombar'] },
  'novosti.rs': { script: 'Cyrl', fixed: [] },
  '021.rs': { script: 'Latn', fixed: ['cookie'] },
};

const TEXT = {
  Latn: {
    title: 'Kamere sa prepoznavanjem lica ponovo u centru pažnje',
    paragraphs: [
      'Ministarstvo unutrašnjih poslova i dalje ne objavljuje gde se nalaze kamere sistema „Bezbedan grad“ kompanije Huawei u Beogradu, iako su organizacije civilnog društva više puta tražile te podatke.',
      'Poverenik za informacije od javnog značaja i zaštitu podataka o ličnosti dva puta je odbio procenu uticaja na zaštitu podataka, jer za biometrijski nadzor nema pravnog osnova.',
      'Inicijativa #hiljadekamera poziva građane da mapiraju kamere i potpišu peticiju protiv masovnog biometrijskog nadzora u Srbiji.',
      'Nacrt Zakona o unutrašnjim poslovima, koji je predviđao prepoznavanje lica na javnim mestima, povučen je posle pritiska javnosti.',
    ],
  },
  Cyrl: {
    title: 'Камере са препознавањем лица поново у центру пажње',
    paragraphs: [
      'Министарство унутрашњих послова и даље не објављује где се налазе камере система „Безбедан град“ компаније Хуавеј у Београду, иако су организације цивилног друштва више пута тражиле те податке.',
      'Повереник за информације од јавног значаја и заштиту података о личности два пута је одбио процену утицаја на заштиту података, јер за биометријски надзор нема правног основа.',
      'Иницијатива #хиљадекамера позива грађане да мапирају камере и потпишу петицију против масовног биометријског надзора у Србији.',
      'Нацрт Закона о унутрашњим пословима, који је предвиђао препознавање лица на јавним местима, повучен је после притиска јавности.',
    ],
  },
};

const FIXED: Record<Fixed, string> = {
  cookie: '<div class="cookie" data-fixed="bottom">Ovaj sajt koristi kolačiće. <button type="button">Prihvatam</button></div>',
  bottombar: '<nav class="bottombar" data-fixed="bottom"><a href="#">Vesti</a> <a href="#">Sport</a> <a href="#">Video</a> <a href="#">Uživo</a></nav>',
  totop: '<button type="button" class="totop" data-fixed="control" aria-label="Na vrh">▲</button>',
};

/** The HTML of the test page for `host` (a key of SITE_PAGES). */
export function sitePage(host: string): string {
  const page = SITE_PAGES[host];
  const outlet = DEFAULT_SITES.find((s) => s.host === host);
  if (!page || !outlet?.example) throw new Error(`no test page for ${host}`);
  const text = TEXT[page.script];
  return `<!doctype html>
<html lang="sr-${page.script}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${text.title} | ${outlet.name}</title>
<!-- Test page for ${host}: an article as the outlet lays it out, at an address like
     ${outlet.example} (lib/default-sites.ts). Invented text from the campaign's facts. -->
<style>
body { margin: 0; font: 18px/1.6 Georgia, serif; background: ${page.dark ? '#121418' : '#ffffff'}; color: ${page.dark ? '#e6e6e6' : '#1a1a1a'}; }
header.site { ${page.stickyHeader ? 'position: sticky; top: 0; z-index: 10;' : ''} background: #b71c1c; color: #fff; padding: 12px 24px; font-weight: bold; }
main { max-width: 760px; margin: 24px auto; padding: 0 20px; }
.cookie { position: fixed; left: 0; right: 0; bottom: 0; padding: 14px 24px; background: #222; color: #fff; z-index: 1000; }
.bottombar { position: fixed; left: 0; right: 0; bottom: 0; height: 56px; display: flex; gap: 24px; align-items: center; justify-content: center; background: #0d47a1; z-index: 1000; }
.bottombar a { color: #fff; }
.totop { position: fixed; right: 16px; bottom: 16px; width: 48px; height: 48px; border-radius: 50%; z-index: 1000; }
</style>
</head>
<body>
<header class="site">${outlet.name}</header>
<main>
<article class="article-body" itemprop="articleBody">
<h1>${text.title}</h1>
${[0, 1, 2].flatMap(() => text.paragraphs.map((p) => `<p>${p}</p>`)).join('\n')}
</article>
</main>
${page.fixed.map((f) => FIXED[f]).join('')}
</body>
</html>
`;
}
