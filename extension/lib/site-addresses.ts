/**
 * What the content script needs to know about the sites, without the feed registry (which only
 * the manifest, the options page and the background need: lib/default-sites.ts): whether a
 * page's address is an article of its site, and whether the reader switched the site off.
 * Small and with nothing evaluated at load beyond the outlets' address patterns, because the
 * content script is compiled and run on every matching news page.
 */

export interface Site {
  /** Host without "www.", e.g. "n1info.rs". */
  host: string;
  /** Outlet name(s) for the options page. */
  name: string;
  /**
   * The site's article addresses (path and query). On a page of the site that does not match,
   * the content script stops before reading the page: home and section pages cost nothing.
   * Absent: every page is read and the classifier decides.
   */
  article?: RegExp;
  /** An article address of the site, for the tests of `article` (its test page mimics it). */
  example?: string;
}

/**
 * The major Serbian outlets beyond the registry, with their article address patterns. Checked
 * against real article and section addresses of each outlet found in public web pages and code
 * (listed in default-sites.test.ts; the tests never leave 127.0.0.1): recheck a pattern against
 * the site when articles stop getting the panel. B92's numeric-id form ("/info/vesti/123456/…")
 * is not backed by a real address yet, only its "nav_id" form. The test pages
 * (test/e2e-extension/site-pages.ts) mimic each outlet's article markup.
 */
export const SERBIAN_OUTLETS: Site[] = [
  { host: 'blic.rs', name: 'Blic', article: /^\/[a-z-]+\/(?:[a-z0-9-]+\/)*[a-z0-9-]+\/[a-z0-9]{7}\/?$/, example: 'https://www.blic.rs/vesti/beograd/kamere-na-slaviji/x7k2m9p' },
  { host: 'politika.rs', name: 'Politika', article: /^\/(?:sr|scc)\/clanak\/\d+(?:\/|$)/, example: 'https://www.politika.rs/sr/clanak/612345/kamere-u-beogradu' },
  { host: 'telegraf.rs', name: 'Telegraf', article: /\/\d{6,}-[a-z0-9-]+\/?$/, example: 'https://www.telegraf.rs/vesti/beograd/3812345-kamere-sa-prepoznavanjem-lica' },
  { host: 'informer.rs', name: 'Informer', article: /\/\d{5,}\/[a-z0-9-]+\/?$/, example: 'https://informer.rs/vesti/drustvo/912345/kamere-beograd' },
  { host: 'b92.net', name: 'B92', article: /(?:\/\d{5,}\/[a-z0-9-]+\/?$|[?&]nav_id=\d+)/, example: 'https://www.b92.net/info/vesti/123456/kamere-beograd' },
  // The slug may hold dots ("…/a1320895/Sasomange-online-kupoprodaja-sasomange.rs.html").
  { host: 'mondo.rs', name: 'Mondo', article: /\/a\d+\/[^/]+\.html$/, example: 'https://mondo.rs/Info/Drustvo/a1234567/Kamere-Beograd.html' },
  { host: 'nin.rs', name: 'NIN', article: /^\/[a-z-]+\/(?:[a-z-]+\/)?\d{4,}\/[a-z0-9-]+\/?$/, example: 'https://www.nin.rs/drustvo/vesti/45678/kamere-beograd' },
  // WordPress: an article also answers at its short link "/?p=4947653".
  { host: 'vreme.com', name: 'Vreme', article: /^\/(?:(?:vesti|vreme|kultura|projekat|intervju|komentar|mozaik)\/[a-z0-9-]{8,}\/?|\?p=\d+)$/, example: 'https://www.vreme.com/vesti/kamere-sa-prepoznavanjem-lica/' },
  // The archive nests a story under "tema" ("/arhiva/tema/prodaja-pkb-…"); the old site's
  // stories live on as "/sr/sajt/tema/14113/".
  { host: 'insajder.net', name: 'Insajder', article: /^\/(?:(?:teme|arhiva|prica|vesti)\/(?:tema\/)?[a-z0-9-]{8,}(?:\/\d+)?|sr\/sajt\/tema\/\d+)\/?$/, example: 'https://insajder.net/teme/kamere-sa-prepoznavanjem-lica' },
  { host: 'rtv.rs', name: 'RTV', article: /_\d{5,}\.html$/, example: 'https://www.rtv.rs/sr_lat/drustvo/kamere-u-novom-sadu_1512345.html' },
];

/**
 * Article address patterns of the registry's major Serbian outlets, checked like those above
 * against real addresses (from the labelled corpus and collected items; listed in
 * default-sites.test.ts). Slug sites: an article's last segment is a slug of three or more
 * words, a section's is one or two ("drustvo", "licni-stavovi"); a query may follow.
 */
const SLUG_ARTICLE = /^\/(?:[a-z0-9-]+\/){1,3}[a-z0-9]+(?:-[a-z0-9]+){2,}\/?(?:\?.*)?$/;
export const REGISTRY_ARTICLES: Record<string, Pick<Site, 'article' | 'example'>> = {
  'n1info.rs': { article: SLUG_ARTICLE, example: 'https://n1info.rs/vesti/kamere-sa-prepoznavanjem-lica-u-beogradu/' },
  'danas.rs': { article: SLUG_ARTICLE, example: 'https://www.danas.rs/vesti/drustvo/kamere-sa-prepoznavanjem-lica/' },
  'nova.rs': { article: SLUG_ARTICLE, example: 'https://nova.rs/vesti/drustvo/softver-za-prepoznavanje-lica-video-nadzor/' },
  'rts.rs': { article: /\/\d{6,}\/[^/]+\.html(?:\?.*)?$/, example: 'https://www.rts.rs/vesti/drustvo/5633509/kamere-u-beogradu.html' },
  'kurir.rs': { article: /\/\d{6,}\/[a-z0-9-]+\/?(?:\?.*)?$/, example: 'https://www.kurir.rs/vesti/drustvo/4405843/kamere-beograd' },
  // The old site's Cyrillic addresses: "/вести/београд.491.html:819869-…" (percent-encoded).
  'novosti.rs': { article: /(?:\/\d{5,}\/[a-z0-9-]+\/?(?:\?.*)?$|\.html:\d+-)/, example: 'https://www.novosti.rs/srbija/vesti/1209652/kamere-vranje' },
  '021.rs': { article: /^\/(?:story\/)?[A-Za-z-]+\/[A-Za-z-]+\/\d{3,}\/[^/]+$/, example: 'https://www.021.rs/info/srbija/260605/kamere-novi-sad' },
};

/** Does `hostname` (from location.hostname) belong to `host` (a site's host)? */
export function hostBelongsTo(hostname: string, host: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === host || h.endsWith('.' + host);
}

/**
 * Is this address an article of its site? True when the site has no article pattern (or is
 * not a default site: added sites and test hosts), else the pattern decides. Only the Serbian
 * outlets have patterns, the registry's among them (default-sites.test.ts checks that no other
 * default site does).
 */
export function looksLikeArticle(hostname: string, pathAndQuery: string): boolean {
  const site = SERBIAN_OUTLETS.find((s) => hostBelongsTo(hostname, s.host));
  const registry = Object.keys(REGISTRY_ARTICLES).find((host) => hostBelongsTo(hostname, host));
  const article = site?.article ?? (registry === undefined ? undefined : REGISTRY_ARTICLES[registry].article);
  return !article || article.test(pathAndQuery);
}

/**
 * Should the content script run on `hostname`, given the reader's site settings? Yes on an
 * added site, no on a site the reader switched off (the options page lists only default sites
 * as switchable), yes elsewhere (a default site, a test host or a stale registration).
 */
export function runsOnHost(hostname: string, sites: { added: readonly string[]; disabled: readonly string[] }): boolean {
  if (sites.added.some((h) => hostBelongsTo(hostname, h))) return true;
  return !sites.disabled.some((h) => hostBelongsTo(hostname, h));
}
