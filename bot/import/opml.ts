/**
 * OPML feed lists (what feed readers such as Feedly, Inoreader or NetNewsWire export): each
 * `<outline xmlUrl=...>` becomes a feeds-registry entry. OPML has no field for scope,
 * language or script, so they come from the outline's own non-standard attributes when
 * present, else from its folder ("International", "Strani mediji"), else from the defaults.
 */
import type { FeedEntry, Scope, Script } from '../../shared/model/types';
import { fold } from '../../shared/text/fold';
import { detectScript } from '../../shared/text/script';
import { parseXmlTree, type XmlElement } from '../reader/xml-tree';
import { isHttpUrl } from '../list-file';

export interface OpmlDefaults {
  scope?: Scope;
  language?: string;
  script?: Script;
}

export interface OpmlResult {
  feeds: FeedEntry[];
  /** Outlines that could not become a feed, with why. */
  problems: string[];
}

const attr = (e: XmlElement, name: string): string | undefined => {
  const hit = e.attrs.find(([k]) => k.toLowerCase() === name.toLowerCase());
  const v = hit?.[1].trim();
  return v ? v : undefined;
};

const INTERNATIONAL = /\b(international|foreign|world|strani|strane|inostran\w*|medjunarodn\w*|svet)\b/;
const DOMESTIC = /\b(domestic|local|domaci|domace|srbija|serbia)\b/;

function scopeFrom(hints: string[]): Scope | undefined {
  for (const h of hints) {
    const f = fold(h);
    if (INTERNATIONAL.test(f)) return 'international';
    if (DOMESTIC.test(f)) return 'domestic';
  }
  return undefined;
}


/** Reads an OPML document into feed entries (not yet validated against the registry rules). */
export function parseOpml(text: string, defaults: OpmlDefaults = {}): OpmlResult {
  // An OPML list may hold many <outline> siblings: the feed reader's same-name cap is not for it.
  let root;
  try {
    root = parseXmlTree(text.replace(/^\uFEFF/, ''), { maxSameName: 100_000 }).root;
  } catch (err) {
    return { feeds: [], problems: [`OPML document refused: ${(err as Error).message}`] };
  }
  if (!root || root.name.toLowerCase() !== 'opml') return { feeds: [], problems: ['not an OPML document (no <opml> root element)'] };
  const body = root.children.find((c): c is XmlElement => typeof c !== 'string' && c.name.toLowerCase() === 'body');
  if (!body) return { feeds: [], problems: ['OPML document without <body>'] };

  const feeds: FeedEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const walk = (e: XmlElement, folders: string[]) => {
    for (const child of e.children) {
      if (typeof child === 'string' || child.name.toLowerCase() !== 'outline') continue;
      const title = attr(child, 'title') ?? attr(child, 'text');
      const xmlUrl = attr(child, 'xmlUrl');
      if (!xmlUrl) {
        walk(child, title ? [title, ...folders] : folders);
        continue;
      }
      const label = title ?? xmlUrl;
      if (!isHttpUrl(xmlUrl)) {
        problems.push(`outline ${JSON.stringify(label)}: xmlUrl is not an http(s) URL`);
        continue;
      }
      const key = new URL(xmlUrl).href;
      if (seen.has(key)) continue;
      seen.add(key);
      const htmlUrl = attr(child, 'htmlUrl');
      const outlet = title ?? new URL(xmlUrl).hostname;
      const declaredScope = attr(child, 'scope');
      const scope =
        declaredScope === 'domestic' || declaredScope === 'international'
          ? declaredScope
          : (scopeFrom([attr(child, 'category') ?? '', ...folders]) ?? defaults.scope ?? 'domestic');
      const language = (attr(child, 'language') ?? defaults.language ?? 'sr').toLowerCase();
      const declaredScript = attr(child, 'script');
      const script: Script =
        declaredScript === 'Latn' || declaredScript === 'Cyrl' ? declaredScript : (defaults.script ?? (detectScript(outlet) === 'Cyrl' ? 'Cyrl' : 'Latn'));
      feeds.push({
        outlet,
        url: xmlUrl,
        language,
        script,
        scope,
        homepage: htmlUrl && isHttpUrl(htmlUrl) ? htmlUrl : `${new URL(xmlUrl).origin}/`,
      });
    }
  };
  walk(body, []);
  if (feeds.length === 0 && problems.length === 0) problems.push('no <outline> with an xmlUrl: no feeds in this file');
  return { feeds, problems };
}
