/**
 * Rewrites a feed's element tree into the plain, well-formed XML that rss-parser understands,
 * doing the namespace- and context-aware work rss-parser (xml2js without namespaces) cannot:
 *
 * - Names: elements in known namespaces get one canonical prefix whatever the document used
 *   (`<r:item>` in the RSS 2 namespace becomes `<item>`, any Dublin Core prefix becomes `dc:`,
 *   Atom inside RSS becomes `atom:`); core names are matched case-insensitively
 *   (`<TiTlE>`, `<pubdate>`). Elements of unknown namespaces keep their prefix, so an
 *   extension's `<x:description>` never shadows the real one.
 * - Structure: an `<rss>` whose items sit outside `<channel>` gets them moved in; an RDF
 *   document without a channel gets an empty one; a bare `<channel>` is wrapped in `<rss>`.
 * - Text constructs (Atom title/summary/content..., RSS title/description/content:encoded...)
 *   become one text value plus `nw:type` = text | html | xhtml: inline XHTML is serialised
 *   (xml2js would scramble mixed content), base64 payloads are decoded.
 * - URLs: xml:base (seeded with the document URL or a safe Content-Location) is applied to
 *   `href`/`url`/`src` attributes in place, and to URI-valued elements (link, id, guid, ...)
 *   as an `nw:abs` attribute next to the untouched original text.
 * - Language: the inherited xml:lang (seeded with HTTP Content-Language) is written as
 *   `nw:lang` on rss/channel/feed/item/entry.
 * - Order: every element gets `nw:seq`, its position in the document, because some choices
 *   depend on order across different names (first of description/summary, last date wins).
 *
 * Pure and isomorphic.
 */
import { looksLikeHtml, resolveUrl, type TextType } from './normalize';
import type { XmlElement, XmlNode } from './xml-tree';

export type FeedFormat = 'rss' | 'rdf' | 'atom';

export interface CanonicalFeed {
  /** Well-formed XML for rss-parser, or '' when the root is not a feed. */
  xml: string;
  format: FeedFormat | null;
  /** The root element's name as written, for error messages. */
  rootName: string;
  warnings: string[];
}

export interface CanonicalizeOptions {
  /** Base URI of the document (HTTP URL, or a safe Content-Location resolved against it). */
  baseUrl?: string | null;
  /** Language from HTTP Content-Language, used when the document names none. */
  defaultLanguage?: string | null;
}

/** Namespace URIs (lower case, without a trailing `/` or `#`) to canonical prefixes. */
const NAMESPACES: Record<string, string> = {
  'http://backend.userland.com/rss': '',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/rss/1.0': '',
  'http://my.netscape.com/rdf/simple/0.9': '',
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns': 'atom',
  'http://purl.org/dc/elements/1.1': 'dc',
  'http://purl.org/dc/elements/1.0': 'dc',
  'http://purl.org/dc/terms': 'dcterms',
  'http://purl.org/rss/1.0/modules/content': 'content',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://example.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns': 'rdf',
  'http://www.w3.org/1999/xhtml': 'xhtml',
};
const ATOM_10 = 'http://www.w3.org/2005/atom';
/** Prefixes so conventional that an undeclared use still means the usual namespace. */
const CONVENTIONAL = new Set(['dc', 'dcterms', 'content', 'itunes', 'media', 'rdf', 'atom', 'xhtml']);

/** Canonical spelling of names that feeds write in any case. */
const CASE: Record<string, string> = {
  pubdate: 'pubDate', lastbuilddate: 'lastBuildDate', managingeditor: 'managingEditor',
  webmaster: 'webMaster', textinput: 'textInput', skiphours: 'skipHours', skipdays: 'skipDays',
  ispermalink: 'isPermaLink', rdf: 'RDF', seq: 'Seq', commentrss: 'commentRss',
};

/** Text constructs by canonical name; the value says how to read an untyped RSS value. */
const RSS_TEXT: Record<string, TextType | 'guess'> = {
  title: 'guess', 'dc:title': 'guess', 'media:title': 'guess', 'itunes:subtitle': 'guess',
  'itunes:summary': 'guess', description: 'html', 'dc:description': 'html', summary: 'html',
  'content:encoded': 'html', fullitem: 'html', 'media:description': 'text',
  'xhtml:body': 'xhtml', body: 'xhtml', 'media:text': 'text',
};
const ATOM_TEXT = new Set(['title', 'subtitle', 'tagline', 'summary', 'content', 'rights', 'copyright', 'info']);
/** Elements whose text is a URI: resolved into `nw:abs`, original kept. */
const URI_ELEMENTS = new Set(['link', 'guid', 'id', 'comments', 'uri', 'url', 'docs', 'homepage']);
const URI_ATTRIBUTES = new Set(['href', 'url', 'src']);
const LANG_CARRIERS = new Set(['rss', 'channel', 'item', 'feed', 'entry', 'rdf:RDF']);

interface Scope {
  ns: Map<string, string>;
  base: string | null;
  lang: string | null;
}

interface Resolved {
  /** Canonical qualified name. */
  name: string;
  local: string;
  /** Namespace URI, normalised, or '' for none. */
  uri: string;
}

function normUri(uri: string): string {
  return uri.trim().toLowerCase().replace(/[/#]+$/, '');
}

function splitName(qname: string): [string, string] {
  const at = qname.indexOf(':');
  return at < 0 ? ['', qname] : [qname.slice(0, at), qname.slice(at + 1)];
}

function canonicalLocal(local: string): string {
  const lower = local.toLowerCase();
  return CASE[lower] ?? lower;
}

/** Makes any name safe for a strict XML parser. */
function safeName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}_.:-]/gu, '_').replace(/^[^\p{L}_]/u, '_$&');
  return cleaned.split(':').filter(Boolean).slice(0, 2).join(':') || '_';
}

// Characters XML 1.0 forbids, and lone surrogates: one stray control must not break the document.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

function clean(s: string): string {
  return MAYBE_FORBIDDEN.test(s) ? s.replace(FORBIDDEN, '') : s;
}

function escapeText(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Character data for the output. Markup-heavy values (escaped HTML in descriptions) go out
 * as CDATA: the same text for xml2js, but several times cheaper for its parser than entities.
 */
function textData(s: string): string {
  if (s.length < 64 || !/[<&]/.test(s)) return escapeText(s);
  return `<![CDATA[${clean(s).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Concatenated character data of an element and its descendants. */
function textContent(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textContent(c);
  return out;
}

/** Serialises inline (X)HTML children as markup, local names only, for a text construct. */
function innerMarkup(children: XmlNode[]): string {
  let out = '';
  for (const c of children) {
    if (typeof c === 'string') {
      out += escapeText(c);
      continue;
    }
    const name = splitName(c.name)[1];
    const attrs = c.attrs
      .filter(([n]) => n !== 'xmlns' && !n.startsWith('xmlns:'))
      .map(([n, v]) => ` ${splitName(n)[1]}="${escapeAttr(v)}"`)
      .join('');
    out += c.children.length ? `<${name}${attrs}>${innerMarkup(c.children)}</${name}>` : `<${name}${attrs} />`;
  }
  return out;
}

function decodeBase64(s: string): string | null {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  try {
    const bin = atob(clean);
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return null;
  }
}

class Canonicalizer {
  private seq = 0;
  readonly warnings: string[] = [];
  private atomRoot = false;
  private atomRootIs10 = false;

  constructor(private readonly options: CanonicalizeOptions) {}

  private warn(message: string): void {
    if (this.warnings.length < 20 && !this.warnings.includes(message)) this.warnings.push(message);
  }

  private scopeFor(el: XmlElement, parent: Scope): Scope {
    let ns = parent.ns;
    let base = parent.base;
    let lang = parent.lang;
    for (const [name, value] of el.attrs) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (ns === parent.ns) ns = new Map(parent.ns);
        ns.set(name === 'xmlns' ? '' : name.slice(6), value);
      } else if (name === 'xml:base') {
        base = resolveUrl(value, base);
      } else if (name === 'xml:lang') {
        lang = value.trim() || null;
      }
    }
    return { ns, base, lang };
  }

  resolve(qname: string, scope: Scope): Resolved {
    const [prefix, local] = splitName(qname);
    if (prefix === 'xml') return { name: qname, local, uri: 'xml' };
    const declared = scope.ns.get(prefix);
    const uri = declared !== undefined ? normUri(declared) : '';
    let canonical = uri ? NAMESPACES[uri] : undefined;
    if (canonical === undefined && declared === undefined && prefix && CONVENTIONAL.has(prefix.toLowerCase())) {
      canonical = prefix.toLowerCase();
      this.warn(`undeclared namespace prefix "${prefix}:" (read as the usual namespace)`);
    }
    if (canonical !== undefined) {
      const p = canonical === 'atom' && this.atomRoot ? '' : canonical;
      const l = canonical === 'rdf' || canonical === '' || canonical === 'atom' ? canonicalLocal(local) : local;
      return { name: p ? `${p}:${l}` : l, local: l, uri };
    }
    // No namespace, or an unknown default namespace (old Atom drafts): the name is what counts.
    if (!prefix) return { name: canonicalLocal(local), local: canonicalLocal(local), uri };
    return { name: qname, local, uri };
  }

  /** Attributes for output: namespaces and xml:* consumed, URIs resolved, names canonical. */
  private attributes(el: XmlElement, scope: Scope): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    const seen = new Set<string>();
    for (const [qname, value] of el.attrs) {
      if (qname === 'xmlns' || qname.startsWith('xmlns:') || qname.startsWith('xml:')) continue;
      const [prefix, local] = splitName(qname);
      let name: string;
      if (!prefix) {
        name = canonicalLocal(local);
      } else {
        const declared = scope.ns.get(prefix);
        const canonical = declared !== undefined ? NAMESPACES[normUri(declared)] : CONVENTIONAL.has(prefix) ? prefix : undefined;
        name = canonical ? `${canonical}:${local}` : canonical === '' ? local : qname;
      }
      name = safeName(name);
      if (seen.has(name)) continue;
      seen.add(name);
      out.push([name, URI_ATTRIBUTES.has(name) ? resolveUrl(value, scope.base) : value]);
    }
    return out;
  }

  private open(name: string, attrs: Array<[string, string]>, extra: Array<[string, string]>): string {
    const all = [...attrs, ...extra, ['nw:seq', String(++this.seq)] as [string, string]];
    return `<${name}${all.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('')}>`;
  }

  /** The reading of a text construct: its type, and whether its text is base64. */
  private textType(el: XmlElement, res: Resolved, hasElements: boolean): { type: TextType; base64: boolean } {
    const attr = (n: string): string | undefined => el.attrs.find(([k]) => k.toLowerCase() === n)?.[1]?.trim().toLowerCase();
    const isAtom = res.uri === ATOM_10 || res.uri === 'http://purl.org/atom/ns' ||
      (this.atomRoot && !res.name.includes(':'));
    if (isAtom) {
      const is10 = res.uri === ATOM_10 || (!res.uri.startsWith('http://purl.org/atom') && this.atomRootIs10);
      const type = attr('type');
      const mode = attr('mode');
      if (is10 || (type !== undefined && ['text', 'html', 'xhtml'].includes(type) && mode === undefined)) {
        const t = type ?? 'text';
        if (hasElements || t === 'xhtml' || t.endsWith('+xml') || t.endsWith('/xml')) return { type: 'xhtml', base64: false };
        if (t === 'html' || t === 'text/html') return { type: 'html', base64: false };
        if (t === '' || t === 'text' || t.startsWith('text/')) return { type: 'text', base64: false };
        return { type: 'html', base64: true }; // another MIME type: base64 (RFC 4287 section 4.1.3.3)
      }
      // Atom 0.3: a MIME type (default text/plain) and a mode (default xml).
      const t = type ?? 'text/plain';
      const asType: TextType = t.includes('xhtml') || t.endsWith('xml') ? 'xhtml' : t.includes('html') ? 'html' : 'text';
      if (mode === 'base64') return { type: asType === 'xhtml' ? 'html' : asType, base64: true };
      if (mode === 'escaped') return { type: asType === 'xhtml' ? 'html' : asType, base64: false };
      return { type: hasElements ? 'xhtml' : asType, base64: false };
    }
    const kind = RSS_TEXT[res.name] ?? 'guess';
    if (hasElements) return { type: 'xhtml', base64: false };
    const declared = attr('type');
    if (declared === 'html' || declared === 'text/html') return { type: 'html', base64: false };
    if (declared === 'xhtml' || declared === 'application/xhtml+xml') return { type: 'xhtml', base64: false };
    if (declared === 'text' || declared === 'plain' || declared === 'text/plain') return { type: 'text', base64: false };
    if (kind === 'guess') return { type: looksLikeHtml(textContent(el)) ? 'html' : 'text', base64: false };
    return { type: kind, base64: false };
  }

  private isTextConstruct(res: Resolved): boolean {
    if (res.name in RSS_TEXT) return true;
    const atomName = res.name.startsWith('atom:') ? res.name.slice(5) : this.atomRoot && !res.name.includes(':') ? res.name : null;
    return atomName !== null && ATOM_TEXT.has(atomName);
  }

  /** Serialises one element (and its subtree) in canonical form. */
  element(el: XmlElement, parent: Scope): string {
    const scope = this.scopeFor(el, parent);
    const res = this.resolve(el.name, scope);
    const name = safeName(res.name);
    const attrs = this.attributes(el, scope);
    const extra: Array<[string, string]> = [];
    if (LANG_CARRIERS.has(name) && scope.lang) extra.push(['nw:lang', scope.lang]);
    const hasElements = el.children.some((c) => typeof c !== 'string');

    if (this.isTextConstruct(res)) {
      const { type, base64 } = this.textType(el, res, hasElements);
      let value = hasElements ? innerMarkup(el.children) : textContent(el);
      if (base64) {
        const decoded = decodeBase64(value);
        if (decoded === null) this.warn(`<${el.name}> is not valid base64 (kept as is)`);
        else value = decoded;
      }
      extra.push(['nw:type', type]);
      return `${this.open(name, attrs, extra)}${textData(value)}</${name}>`;
    }

    if (!hasElements && URI_ELEMENTS.has(res.local)) {
      const text = textContent(el).trim();
      if (text) extra.push(['nw:abs', resolveUrl(text, scope.base)]);
    }
    return `${this.open(name, attrs, extra)}${this.children(el.children, scope)}</${name}>`;
  }

  private children(children: XmlNode[], scope: Scope): string {
    return children.map((c) => (typeof c === 'string' ? textData(c) : this.element(c, scope))).join('');
  }

  /**
   * An RSS root with every non-channel child and every channel's children merged into one
   * channel: RSS 0.9x feeds put items beside the channel, and rss-parser reads channel[0] only.
   */
  private rss(root: XmlElement, rootScope: Scope, rootAttrs: Array<[string, string]>): string {
    // A Set: `includes` on an array in the loop below was quadratic on 300,000 <channel/>.
    const channels = new Set(root.children.filter((c): c is XmlElement => typeof c !== 'string' &&
      this.resolve(c.name, this.scopeFor(c, rootScope)).name === 'channel'));
    const first = channels.values().next().value;
    const channelScope = first ? this.scopeFor(first, rootScope) : rootScope;
    const lang: Array<[string, string]> = channelScope.lang ? [['nw:lang', channelScope.lang]] : [];
    let inner = '';
    for (const c of root.children) {
      if (typeof c === 'string') continue;
      if (channels.has(c)) inner += this.children(c.children, this.scopeFor(c, rootScope));
      else inner += this.element(c, rootScope);
    }
    const rootLang: Array<[string, string]> = rootScope.lang ? [['nw:lang', rootScope.lang]] : [];
    const channelAttrs = first ? this.attributes(first, channelScope) : [];
    return `${this.open('rss', rootAttrs, rootLang)}${this.open('channel', channelAttrs, lang)}${inner}</channel></rss>`;
  }

  document(root: XmlElement): CanonicalFeed {
    const initial: Scope = {
      ns: new Map(),
      base: this.options.baseUrl ?? null,
      lang: this.options.defaultLanguage?.split(',')[0]?.trim() || null,
    };
    const scope = this.scopeFor(root, initial);
    const rootUri = normUri(scope.ns.get(splitName(root.name)[0]) ?? '');
    const local = canonicalLocal(splitName(root.name)[1]);
    const fail = (): CanonicalFeed => ({ xml: '', format: null, rootName: root.name, warnings: this.warnings });
    if (local === 'feed') {
      this.atomRoot = true;
      this.atomRootIs10 = rootUri === ATOM_10 ||
        (!rootUri && !root.attrs.some(([k, v]) => k === 'version' && v.trim().startsWith('0.')));
      return { xml: this.element(root, initial), format: 'atom', rootName: root.name, warnings: this.warnings };
    }
    if (local === 'rss') {
      return { xml: this.rss(root, scope, this.attributes(root, scope)), format: 'rss', rootName: root.name, warnings: this.warnings };
    }
    if (local === 'channel') {
      const wrapper: XmlElement = { name: 'rss', attrs: [], children: [root] };
      this.warn('<channel> without an <rss> root');
      return { xml: this.rss(wrapper, initial, []), format: 'rss', rootName: root.name, warnings: this.warnings };
    }
    if (local === 'RDF') {
      let xml = this.element(root, initial);
      const hasChannel = root.children.some((c) => typeof c !== 'string' && this.resolve(c.name, this.scopeFor(c, scope)).name === 'channel');
      if (!hasChannel) xml = xml.replace(/<\/rdf:RDF>$/, `${this.open('channel', [], [])}</channel></rdf:RDF>`);
      return { xml, format: 'rdf', rootName: root.name, warnings: this.warnings };
    }
    return fail();
  }
}

/** Canonicalises a feed tree for rss-parser; `format` is null when the root is not RSS, RDF or Atom. */
export function canonicalizeFeed(root: XmlElement, options: CanonicalizeOptions = {}): CanonicalFeed {
  return new Canonicalizer(options).document(root);
}
