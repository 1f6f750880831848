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
import { decodeHTMLStrict } from 'entities';
import { parseDate } from './dates';

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
  /** Feed entries (`item`, `entry`) found, kept or not. */
  itemsSeen: number;
  /** Entries dropped because a parent held more than `maxItems` (the oldest go). */
  itemsDropped: number;
}

/** Budgets on what one document may make the reader do; see DEFAULT_XML_LIMITS. */
export interface XmlLimits {
  /** Entries (`item`/`entry`) kept per parent: the newest by date, ties in document order. */
  maxItems: number;
  /** Characters all references to DOCTYPE-declared entities may expand to, together. */
  maxEntityExpansion: number;
  /** Entities a DOCTYPE may declare. */
  maxEntities: number;
  /** Elements alive in the tree at once (dropped entries no longer count). */
  maxElements: number;
  /** Children of one name kept per parent (entries excepted: see maxItems); the rest are skipped. */
  maxSameName: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxItems: 500,
  maxEntityExpansion: 1_000_000,
  maxEntities: 256,
  maxElements: 400_000,
  maxSameName: 1000,
};

/** A document over one of the budgets in XmlLimits. Nothing of it should be used. */
export class XmlBudgetError extends Error {
  override readonly name = 'XmlBudgetError';
}

/** Local names (lower case) of the elements that are feed entries. */
const ENTRY_NAMES = new Set(['item', 'entry']);
/** Local names (lower case) of an entry's date elements, by which the newest entries are kept. */
const DATE_NAMES = new Set(['pubdate', 'published', 'updated', 'date', 'issued', 'modified']);

function localName(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1).toLowerCase();
}

function textOf(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** An entry's date in ms for ranking: its first date child that parses; -Infinity if none. */
function entryTime(el: XmlElement): number {
  for (const c of el.children) {
    if (typeof c === 'string' || !DATE_NAMES.has(localName(c.name))) continue;
    const text = textOf(c).slice(0, 200);
    // Date.parse reads the usual RFC 822 and ISO dates quickly; parseDate the odd ones.
    const quick = Date.parse(text);
    const t = Number.isFinite(quick) ? quick : parseDate(text)?.getTime();
    if (t !== undefined && Number.isFinite(t)) return t;
  }
  return -Infinity;
}

function subtreeSize(el: XmlElement): number {
  let n = 1;
  for (const c of el.children) if (typeof c !== 'string') n += subtreeSize(c);
  return n;
}

/** What the reader remembers about one parent's entries, to keep only the newest. */
interface EntryBook {
  /** `time` is computed once, when the entry is first ranked (it is closed by then). */
  entries: Array<{ el: XmlElement; index: number; order: number; time?: number }>;
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
  /** Characters produced so far by references to declared entities (the amplification budget). */
  private expanded = 0;
  private liveElements = 0;
  private itemsSeen = 0;
  private itemsDropped = 0;
  private entryOrder = 0;
  private readonly entryBooks = new Map<XmlElement, EntryBook>();
  /** Per-parent counts of children by name, kept only for parents with many children. */
  private readonly nameCounts = new Map<XmlElement, Map<string, number>>();
  /** Elements read but not kept (over maxSameName, or inside such): their content is skipped. */
  private readonly detached = new WeakSet<XmlElement>();
  /** Memo of the next '>' at or after a position, so unterminated end tags stay linear. */
  private nextGt = -2;

  constructor(
    private readonly s: string,
    private readonly limits: XmlLimits,
  ) {}

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
        if (declared !== undefined) {
          // "Billion laughs" without nesting: one entity referenced many times. Bounded here.
          this.expanded += declared.length;
          if (this.expanded > this.limits.maxEntityExpansion) {
            throw new XmlBudgetError(`declared entities expand to more than ${this.limits.maxEntityExpansion} characters (entity amplification)`);
          }
          return declared;
        }
        const html = decodeHTMLStrict(whole); // the full HTML5 named set, from `entities`
        if (html !== whole) {
          this.warn(`HTML entity &${name}; is not defined in XML`);
          return html;
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
      if (this.entities.size >= this.limits.maxEntities) {
        throw new XmlBudgetError(`the DOCTYPE declares more than ${this.limits.maxEntities} entities`);
      }
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

  /** Index of the next '>' at or after `from`, or -1; amortised linear over a document. */
  private gtFrom(from: number): number {
    if (this.nextGt === -1) return -1;
    if (this.nextGt < from) this.nextGt = this.s.indexOf('>', from);
    return this.nextGt;
  }

  /** Keeps `parent`'s newest `keep` entries (all but the last `open` ones are ranked). */
  private pruneEntries(parent: XmlElement, book: EntryBook, keep: number, open: number): void {
    const ranked = book.entries.slice(0, book.entries.length - open);
    if (ranked.length <= keep) return;
    const tail = book.entries.slice(book.entries.length - open);
    for (const e of ranked) e.time ??= entryTime(e.el);
    // Newest first; undated entries rank last; equal dates keep document order (feeds list newest first).
    ranked.sort((a, b) => (b.time! - a.time! || 0) || a.order - b.order);
    for (const dropped of ranked.slice(keep)) {
      parent.children[dropped.index] = ''; // a tombstone, removed when the document ends
      this.liveElements -= subtreeSize(dropped.el);
      this.itemsDropped++;
    }
    book.entries = [...ranked.slice(0, keep).sort((a, b) => a.order - b.order), ...tail];
  }

  /**
   * Whether `el` may join `parent`'s children under the budgets; entries are registered for
   * pruning. False means: read it, but do not keep it.
   */
  private admit(parent: XmlElement, el: XmlElement): boolean {
    if (this.detached.has(parent)) return false;
    const name = el.name;
    const isEntry = ENTRY_NAMES.has(localName(name));
    let counts = this.nameCounts.get(parent);
    if (!counts && parent.children.length >= 256) {
      counts = new Map();
      for (const c of parent.children) if (typeof c !== 'string') counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
      this.nameCounts.set(parent, counts);
    }
    if (counts && !isEntry) {
      const n = (counts.get(name) ?? 0) + 1;
      if (n > this.limits.maxSameName) {
        this.warn(`more than ${this.limits.maxSameName} <${name}> in one <${parent.name}> (the rest skipped)`);
        return false;
      }
      counts.set(name, n);
    }
    if (++this.liveElements > this.limits.maxElements) {
      throw new XmlBudgetError(`more than ${this.limits.maxElements} elements`);
    }
    parent.children.push(el);
    if (isEntry) {
      this.itemsSeen++;
      let book = this.entryBooks.get(parent);
      if (!book) this.entryBooks.set(parent, (book = { entries: [] }));
      book.entries.push({ el, index: parent.children.length - 1, order: this.entryOrder++ });
      // Pruning at twice the limit keeps memory bounded and the ranking work linear overall.
      if (book.entries.length > 2 * this.limits.maxItems + 1) this.pruneEntries(parent, book, this.limits.maxItems, 1);
    }
    return true;
  }

  read(): XmlTree {
    const s = this.s;
    const docChildren: XmlElement[] = [];
    const stack: XmlElement[] = [];
    /** How many elements of each name are open, so a stray end tag costs O(1). */
    const open = new Map<string, number>();
    const pop = (): void => {
      const el = stack.pop()!;
      const n = open.get(el.name)! - 1;
      if (n) open.set(el.name, n);
      else open.delete(el.name);
    };
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
      if (this.detached.has(top)) return;
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
        const end = this.gtFrom(lt);
        i = end < 0 ? s.length : end + 1;
      } else if (c === '?') {
        const end = s.indexOf('?>', lt + 2);
        i = end < 0 ? s.length : end + 2;
      } else if (c === '/') {
        let j = lt + 2;
        while (j < s.length && !/[\s>]/.test(s[j]) && s[j] !== '<') j++;
        const name = s.slice(lt + 2, j);
        // Both searches are memoised or bounded, so "</a" repeated without ">" stays linear.
        const gt = this.gtFrom(j);
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
        if (!open.has(name)) {
          this.warn(`end tag </${name}> without a start tag (ignored)`);
          continue;
        }
        let at = stack.length - 1;
        while (stack[at].name !== name) at--;
        if (at < stack.length - 1) this.warn(`<${stack[stack.length - 1].name}> not closed before </${name}>`);
        while (stack.length > at) pop();
        if (at === 0) rootClosed = true;
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
          if (!this.admit(parent, el)) this.detached.add(el);
        } else {
          if (rootClosed || docChildren.length) this.warn(`element <${el.name}> after the root element (ignored)`);
          if (docChildren.length) this.detached.add(el);
          else this.liveElements++;
          docChildren.push(el);
        }
        if (!selfClosing) {
          stack.push(el);
          open.set(el.name, (open.get(el.name) ?? 0) + 1);
        }
      } else {
        this.warn('"<" not starting a tag (kept as text)');
        addText('<');
        i = lt + 1;
      }
    }
    if (stack.length) this.warn(`document ended inside <${stack[stack.length - 1].name}>`);
    for (const [parent, book] of this.entryBooks) {
      this.pruneEntries(parent, book, this.limits.maxItems, 0);
      if (parent.children.includes('')) parent.children = parent.children.filter((c) => c !== '');
    }
    if (this.itemsDropped) this.warn(`${this.itemsDropped} older entries dropped (more than ${this.limits.maxItems} in one feed)`);
    return { root: docChildren[0] ?? null, warnings: this.warnings, itemsSeen: this.itemsSeen, itemsDropped: this.itemsDropped };
  }
}

/**
 * Reads an XML document leniently; `root` is null when there is no element. Throws
 * XmlBudgetError when the document is over a budget (entity amplification, too many
 * elements): such a document is hostile, and nothing of it is used.
 */
export function parseXmlTree(text: string, limits: Partial<XmlLimits> = {}): XmlTree {
  return new Reader(text, { ...DEFAULT_XML_LIMITS, ...limits }).read();
}
