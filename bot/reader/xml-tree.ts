/**
 * A small, forgiving XML reader: text in, element tree out, with a list of what it had to
 * repair. It exists because real feeds are often not well-formed (HTML entities such as
 * `&nbsp;`, bare `&` in URLs, a truncated last tag, entities declared in a DOCTYPE) and a
 * strict parser would drop the whole feed for one bad character. The tree is only the input
 * to `canonicalize.ts`, which writes clean XML for rss-parser.
 *
 * Namespaces are not resolved here (names stay qualified, `dc:date`); that is the
 * canonicaliser's job. Pure and isomorphic.
 */
import { HTML_ENTITIES } from './html-entities';

export interface XmlElement {
  /** Qualified name as written, e.g. `item`, `dc:creator`. */
  name: string;
  /** Attributes in document order, values decoded. */
  attrs: Array<[string, string]>;
  children: XmlNode[];
}

/** An element, or a run of character data (entities decoded, CDATA unwrapped). */
export type XmlNode = XmlElement | string;

export interface XmlTree {
  root: XmlElement | null;
  /** Well-formedness problems that were repaired; empty for a clean document. */
  warnings: string[];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Deeper nesting than this is not a feed; flattening it protects the recursive walkers. */
const MAX_DEPTH = 256;
const MAX_WARNINGS = 20;
/** Characters that end a tag or attribute name. */
const NAME_END = /[\s/>=<"']/;

class Reader {
  private readonly warnings: string[] = [];
  private readonly entities = new Map<string, string>();

  constructor(private readonly s: string) {}

  warn(message: string): void {
    if (this.warnings.length < MAX_WARNINGS && !this.warnings.includes(message)) this.warnings.push(message);
  }

  /**
   * Decodes character and entity references. Beyond XML's five: HTML named entities and
   * entities declared in the DOCTYPE are expanded, `&#X41;` is accepted, and anything else
   * (unknown names, a bare `&`) stays literal. Each repair is reported.
   */
  decode(raw: string): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&(?:#(\d{1,7});|#([xX])([0-9a-fA-F]{1,6});|([A-Za-z_:][\w.:-]*);)?/g,
      (whole, dec?: string, x?: string, hex?: string, name?: string) => {
        if (dec !== undefined || hex !== undefined) {
          if (x === 'X') this.warn('uppercase X in a hexadecimal character reference');
          const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
          const ok = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
          return ok ? String.fromCodePoint(cp) : '\ufffd';
        }
        if (name === undefined) {
          this.warn('unescaped "&" (kept as text)');
          return '&';
        }
        if (name in XML_ENTITIES) return XML_ENTITIES[name];
        const declared = this.entities.get(name);
        if (declared !== undefined) return declared;
        const cp = HTML_ENTITIES.get(name);
        if (cp !== undefined) {
          this.warn(`HTML entity &${name}; is not defined in XML`);
          return String.fromCodePoint(cp);
        }
        this.warn(`undefined entity &${name}; (kept as text)`);
        return whole;
      });
  }

  /** Reads the internal subset's `<!ENTITY name "value">` declarations; skips the rest. */
  private doctype(start: number): number {
    const s = this.s;
    let i = start;
    let quote = '';
    let depth = 0;
    for (; i < s.length; i++) {
      const c = s[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '[') {
        depth++;
      } else if (c === ']') {
        depth--;
      } else if (c === '>' && depth <= 0) {
        break;
      } else if (depth > 0 && s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        i = end < 0 ? s.length : end + 2;
      }
    }
    const decl = s.slice(start, i);
    // General entities with a literal value only: external and parameter entities are never
    // fetched, and replacement text is not expanded again (no "billion laughs").
    for (const m of decl.matchAll(/<!ENTITY\s+([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
      const value = m[2] ?? m[3] ?? '';
      if (/&[A-Za-z_:]/.test(value)) this.warn(`entity references inside the value of &${m[1]}; are not expanded`);
      if (!this.entities.has(m[1])) this.entities.set(m[1], this.decodeCharRefs(value));
    }
    if (i >= s.length) this.warn('unterminated DOCTYPE');
    return Math.min(i + 1, s.length);
  }

  private decodeCharRefs(v: string): string {
    return v.replace(/&#(\d{1,7});|&#x([0-9a-fA-F]{1,6});/g, (w, d?: string, h?: string) => {
      const cp = d !== undefined ? parseInt(d, 10) : parseInt(h!, 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : w;
    });
  }

  /** Parses a start tag at `i` (just after `<`); returns the element, self-closing flag, next index. */
  private startTag(i: number): { el: XmlElement; selfClosing: boolean; next: number } {
    const s = this.s;
    let j = i;
    while (j < s.length && !NAME_END.test(s[j])) j++;
    const el: XmlElement = { name: s.slice(i, j), attrs: [], children: [] };
    const seen = new Set<string>();
    for (;;) {
      while (j < s.length && /\s/.test(s[j])) j++;
      if (j >= s.length || s[j] === '<') {
        this.warn(`unterminated start tag <${el.name}>`);
        return { el, selfClosing: false, next: j };
      }
      if (s[j] === '>') return { el, selfClosing: false, next: j + 1 };
      if (s[j] === '/' && s[j + 1] === '>') return { el, selfClosing: true, next: j + 2 };
      if (s[j] === '/' || s[j] === '=' || s[j] === '"' || s[j] === "'") {
        this.warn(`stray "${s[j]}" in <${el.name}>`);
        j++;
        continue;
      }
      const nameStart = j;
      while (j < s.length && !NAME_END.test(s[j])) j++;
      const attrName = s.slice(nameStart, j);
      while (j < s.length && /\s/.test(s[j])) j++;
      let value = '';
      if (s[j] === '=') {
        j++;
        while (j < s.length && /\s/.test(s[j])) j++;
        const q = s[j];
        if (q === '"' || q === "'") {
          const end = s.indexOf(q, j + 1);
          if (end < 0) {
            this.warn(`unterminated attribute value in <${el.name}>`);
            const gt = s.indexOf('>', j + 1);
            value = s.slice(j + 1, gt < 0 ? s.length : gt);
            j = gt < 0 ? s.length : gt;
          } else {
            value = s.slice(j + 1, end);
            j = end + 1;
          }
        } else {
          this.warn(`unquoted attribute value in <${el.name}>`);
          const start = j;
          while (j < s.length && !/[\s>]/.test(s[j]) && !(s[j] === '/' && s[j + 1] === '>')) j++;
          value = s.slice(start, j);
        }
      } else {
        this.warn(`attribute ${attrName} without a value in <${el.name}>`);
      }
      if (seen.has(attrName)) {
        this.warn(`duplicate attribute ${attrName} in <${el.name}>`);
      } else {
        seen.add(attrName);
        // Attribute-value normalisation (XML 1.0 section 3.3.3): literal tabs and newlines become spaces.
        el.attrs.push([attrName, this.decode(value.replace(/[\t\n\r]/g, ' '))]);
      }
    }
  }

  read(): XmlTree {
    const s = this.s;
    const docChildren: XmlElement[] = [];
    const stack: XmlElement[] = [];
    let rootClosed = false;
    let ignoredDepth = 0; // elements nested beyond MAX_DEPTH, read as text
    let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;

    const addText = (t: string): void => {
      if (!t) return;
      const top = stack[stack.length - 1];
      if (!top) {
        if (/\S/.test(t)) this.warn('text outside the root element (ignored)');
        return;
      }
      const last = top.children[top.children.length - 1];
      if (typeof last === 'string') top.children[top.children.length - 1] = last + t;
      else top.children.push(t);
    };

    while (i < s.length) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        addText(this.decode(s.slice(i).replace(/\r\n?/g, '\n')));
        break;
      }
      if (lt > i) addText(this.decode(s.slice(i, lt).replace(/\r\n?/g, '\n')));
      const c = s[lt + 1] ?? '';
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        i = end < 0 ? s.length : end + 3;
      } else if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) this.warn('unterminated CDATA section');
        addText(s.slice(lt + 9, end < 0 ? s.length : end).replace(/\r\n?/g, '\n'));
        i = end < 0 ? s.length : end + 3;
      } else if (/^<!DOCTYPE/i.test(s.slice(lt, lt + 9))) {
        i = this.doctype(lt + 9);
      } else if (c === '!') {
        this.warn('unknown markup declaration (ignored)');
        const end = s.indexOf('>', lt);
        i = end < 0 ? s.length : end + 1;
      } else if (c === '?') {
        const end = s.indexOf('?>', lt + 2);
        i = end < 0 ? s.length : end + 2;
      } else if (c === '/') {
        let j = lt + 2;
        while (j < s.length && !/[\s>]/.test(s[j]) && s[j] !== '<') j++;
        const name = s.slice(lt + 2, j);
        const gt = s.indexOf('>', j);
        const nextLt = s.indexOf('<', j);
        if (gt < 0 || (nextLt >= 0 && nextLt < gt)) {
          this.warn(`unterminated end tag </${name}>`);
          i = nextLt < 0 ? s.length : nextLt;
        } else {
          i = gt + 1;
        }
        if (ignoredDepth > 0) {
          ignoredDepth--;
          continue;
        }
        const at = stack.map((e) => e.name).lastIndexOf(name);
        if (at < 0) {
          this.warn(`end tag </${name}> without a start tag (ignored)`);
        } else {
          if (at < stack.length - 1) this.warn(`<${stack[stack.length - 1].name}> not closed before </${name}>`);
          stack.length = at;
          if (at === 0) rootClosed = true;
        }
      } else if (c && !/[\s<>/=!?"']/.test(c)) {
        const { el, selfClosing, next } = this.startTag(lt + 1);
        i = next;
        if (stack.length >= MAX_DEPTH) {
          if (!selfClosing) ignoredDepth++;
          this.warn(`elements nested deeper than ${MAX_DEPTH} (flattened)`);
          continue;
        }
        const parent = stack[stack.length - 1];
        if (parent) {
          parent.children.push(el);
        } else {
          if (rootClosed || docChildren.length) this.warn(`element <${el.name}> after the root element (ignored)`);
          docChildren.push(el);
        }
        if (!selfClosing) stack.push(el);
      } else {
        this.warn('"<" not starting a tag (kept as text)');
        addText('<');
        i = lt + 1;
      }
    }
    if (stack.length) this.warn(`document ended inside <${stack[stack.length - 1].name}>`);
    return { root: docChildren[0] ?? null, warnings: this.warnings };
  }
}

/** Reads an XML document leniently. Never throws; `root` is null when there is no element. */
export function parseXmlTree(text: string): XmlTree {
  return new Reader(text).read();
}
