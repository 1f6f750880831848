/**
 * A forgiving date parser for feed dates. `new Date(s)` is not enough: engines disagree on
 * non-ISO strings, and feeds write RFC 822 with 2-digit years, missing seconds, named zones
 * ("EST", "PT", "MEST", "Etc/GMT"), "GMT-01:01", stray commas, asctime order, W3CDTF with
 * missing parts or a space instead of "T", and now and then month names in other languages.
 * Everything here is computed in UTC by hand; strings that are out of range or have parts we
 * cannot place are rejected (null) rather than guessed.
 *
 * Pure and isomorphic: no `node:` imports.
 */

/** Zone abbreviations seen in feeds, as minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, 'ETC/GMT': 0, 'ETC/UTC': 0,
  // North America; the bare AT/ET/CT/MT/PT forms are standard time, as feedparser reads them.
  AST: -240, ADT: -180, AT: -240, EST: -300, EDT: -240, ET: -300, CST: -360, CDT: -300,
  CT: -360, MST: -420, MDT: -360, MT: -420, PST: -480, PDT: -420, PT: -480,
  AKST: -540, AKDT: -480, HST: -600,
  // Europe (Serbia is CET/CEST) and a few others news sites use.
  WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, MEZ: 60, MESZ: 120,
  EET: 120, EEST: 180, MSK: 180, IST: 330, JST: 540, KST: 540, AEST: 600, AEDT: 660,
  NZST: 720, NZDT: 780,
};

/** Month names and abbreviations: English, Serbian (Latin and Cyrillic), Greek, Hungarian. */
const MONTHS: Record<string, number> = {};
/** Lower case without accents, so "Ιούλ", "ιουλ", "július" and "julius" all match. */
function bare(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/\.$/, '');
}

function addMonths(names: string): void {
  names.split(' ').forEach((group, i) => {
    for (const n of group.split('|')) MONTHS[bare(n)] = i + 1;
  });
}
addMonths('january|jan february|feb march|mar april|apr may june|jun july|jul august|aug ' +
  'september|sept|sep october|oct november|nov december|dec');
addMonths('januar|januara februar|februara mart|marta april|aprila maj|maja jun|juna|juni ' +
  'jul|jula|juli avgust|avg|avgusta septembar|septembra oktobar|okt|oktobra novembar|novembra ' +
  'decembar|decembra');
addMonths('јануар|јан|јануара фебруар|феб|фебруара март|мар|марта април|апр|априла мај|маја ' +
  'јун|јуна|јуни јул|јула|јули август|авг|августа септембар|сеп|септембра ' +
  'октобар|окт|октобра новембар|нов|новембра децембар|дец|децембра');
addMonths('ιαν φεβ μάρ|μαρ απρ μάι|μαι|μαϊ ιούν|ιουν ιούλ|ιουλ αύγ|αυγ σεπ οκτ νοέ|νοε δεκ');
addMonths('január február március április május június július augusztus szeptember október ' +
  'november december');

const WEEKDAYS = new Set(bare('mon monday tue tues tuesday wed wednesday thu thur thurs thursday ' +
  'fri friday sat saturday sun sunday pon ponedeljak uto utorak sre sreda čet četvrtak pet ' +
  'petak sub subota ned nedelja пон понедељак уто уторак сре среда чет четвртак пет петак суб ' +
  'субота нед недеља κυρ δευ τρι τετ πεμ παρ σαβ').split(' '));

interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millis?: number;
  /** Minutes east of UTC; undefined means UTC. */
  offset?: number;
}

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30,
    31, 31, 30, 31, 30, 31][month - 1];
}

/** Builds the instant, or null when a component is out of range. */
function toDate(p: Parts): Date | null {
  const { year, month, day } = p;
  const hour = p.hour ?? 0;
  const minute = p.minute ?? 0;
  let second = p.second ?? 0;
  if (!(year >= 1 && year <= 9999 && month >= 1 && month <= 12)) return null;
  if (!(day >= 1 && day <= daysInMonth(year, month))) return null;
  if (!(hour <= 23 || (hour === 24 && minute === 0 && second === 0))) return null;
  if (minute > 59 || second > 60) return null;
  if (second === 60) second = 59; // a leap second: JS dates cannot hold it
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0..99 to 1900..1999.
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute - (p.offset ?? 0), second, p.millis ?? 0);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "+0100", "-01:01", "+01", "GMT-01:01", "EST", "Z": minutes east of UTC, or undefined. */
function parseZone(token: string): number | undefined {
  const t = token.toUpperCase();
  if (t in ZONES) return ZONES[t];
  const m = /^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** "10:14", "10:14:55", "9:15", "10:14:55.123": [h, m, s, ms], or null. */
function parseTime(token: string): [number, number, number, number] | null {
  const m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?$/.exec(token);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 0, m[4] ? fraction(m[4]) : 0];
}

function fraction(digits: string): number {
  return Math.floor(Number(`0.${digits}`) * 1000);
}

function expandYear(y: string): number {
  const n = Number(y);
  // RFC 2822 section 4.3: 2-digit years below 50 are 20xx, the rest 19xx.
  if (y.length <= 2) return n < 50 ? 2000 + n : 1900 + n;
  if (y.length === 3) return 1900 + n;
  return n;
}

function monthOf(token: string): number | undefined {
  const t = bare(token);
  return MONTHS[t] ?? (t.length > 3 && /^[a-z]+$/.test(t) ? MONTHS[t.slice(0, 3)] : undefined);
}

// ---------------------------------------------------------------------------------------------
// W3CDTF / ISO 8601

const W3C = new RegExp(
  '^(\\d{4})(?:-(\\d{1,3})(?:-(\\d{1,2}))?)?' + // date, months with up to 3 digits ("2003-012-31")
  '(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?' + // time
  '\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?$', 'i');

function parseW3c(s: string): Date | null | undefined {
  const m = W3C.exec(s);
  if (!m) return undefined;
  const offset = m[8] ? parseZone(m[8]) : undefined;
  if (m[8] && offset === undefined) return null;
  return toDate({
    year: Number(m[1]), month: m[2] ? Number(m[2]) : 1, day: m[3] ? Number(m[3]) : 1,
    hour: m[4] !== undefined ? Number(m[4]) : undefined, minute: m[5] !== undefined ? Number(m[5]) : undefined,
    second: m[6] !== undefined ? Number(m[6]) : undefined, millis: m[7] ? fraction(m[7]) : 0,
    offset,
  });
}

/**
 * ISO 8601 forms with truncated 2-digit years and ordinal dates ("03-12-31", "-0312",
 * "031231", "03335", "2003-335"), which old feeds generated by hand still carry.
 */
function parseIsoTruncated(s: string): Date | null | undefined {
  let m = /^(\d{2})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{2})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return toDate({ year: expandYear(m[1]), month: Number(m[2]), day: Number(m[3]) });
  m = /^-(\d{2})-?(\d{2})$/.exec(s);
  if (m) return toDate({ year: expandYear(m[1]), month: Number(m[2]), day: 1 });
  m = /^(\d{2}|\d{4})-?(\d{3})$/.exec(s);
  if (m) {
    const year = m[1].length === 2 ? expandYear(m[1]) : Number(m[1]);
    const ordinal = Number(m[2]);
    const days = daysInMonth(year, 2) === 29 ? 366 : 365;
    if (ordinal < 1 || ordinal > days) return null;
    const d = toDate({ year, month: 1, day: 1 });
    return d && new Date(d.getTime() + (ordinal - 1) * 86_400_000);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// RFC 822 and its relatives (asctime, "Thu Aug 30 2012 17:26:16 +0200", Perforce y/m/d)

function parseRfc822Like(s: string): Date | null {
  const tokens = s.replace(/,/g, ' ').trim().split(/\s+/);
  let month: number | undefined;
  let time: [number, number, number, number] | undefined;
  let offset: number | undefined;
  let zoneSeen = false;
  const numbers: string[] = [];
  let ymd: [number, number, number] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (i === 0 && WEEKDAYS.has(bare(tok))) continue;
    if (/^\d{1,4}\.?$/.test(tok)) {
      numbers.push(tok.replace(/\.$/, '')); // "14." and "2025." in Serbian dates
      continue;
    }
    if (/^\d{4}\/\d{1,2}\/\d{1,2}$/.test(tok)) {
      const [y, mo, d] = tok.split('/').map(Number);
      ymd = [y, mo, d];
      continue;
    }
    const t = tok.includes(':') && /^\d/.test(tok) ? parseTime(tok) : null;
    if (t) {
      if (time) return null;
      time = t;
      continue;
    }
    if (tok.includes(':') && /^\d/.test(tok)) return null; // "1:2:3:4" and the like
    const mo = month === undefined ? monthOf(tok) : undefined;
    if (mo !== undefined) {
      month = mo;
      continue;
    }
    const z = parseZone(tok);
    if (z !== undefined && !zoneSeen) {
      offset = z;
      zoneSeen = true;
      continue;
    }
    return null; // a token we cannot place: better no date than a wrong one
  }
  let year: number;
  let day: number;
  if (ymd) {
    if (numbers.length) return null;
    [year, month, day] = ymd;
  } else {
    if (month === undefined || numbers.length !== 2) return null;
    // Day and year in either order ("01 Jan 2004", "Jan 4 ... 2004"); a 3-4 digit number or
    // one above 31 is the year.
    const [a, b] = numbers;
    const aYear = a.length >= 3 || Number(a) > 31;
    const bYear = b.length >= 3 || Number(b) > 31;
    if (aYear && !bYear) [year, day] = [expandYear(a), Number(b)];
    else [year, day] = [expandYear(b), Number(a)];
    if (a.length > 2 && b.length > 2) return null;
  }
  return toDate({ year, month, day, hour: time?.[0], minute: time?.[1], second: time?.[2], millis: time?.[3], offset });
}

// ---------------------------------------------------------------------------------------------
// Korean blog formats (feedparser supports them; they imply Korea Standard Time)

function parseKorean(s: string): Date | null | undefined {
  let m = /^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일\s+(\d{1,2}):(\d{2}):(\d{2})$/.exec(s);
  if (m) {
    return toDate({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +m[6], offset: 540 });
  }
  m = /^(\d{4})-(\d{2})-(\d{2})\s+(오전|오후)\s+(\d{1,2}):(\d{2}):(\d{2})$/.exec(s);
  if (m) {
    const hour = (Number(m[5]) % 12) + (m[4] === '오후' ? 12 : 0);
    return toDate({ year: +m[1], month: +m[2], day: +m[3], hour, minute: +m[6], second: +m[7], offset: 540 });
  }
  return undefined;
}

/** "2004-július-13T9:15-05:00": an ISO shape with a month name in place of the number. */
function parseIsoWithMonthName(s: string): Date | null | undefined {
  const m = /^(\d{4})-(\p{L}+)-(\d{1,2})(?:T(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?)?$/iu.exec(s);
  if (!m) return undefined;
  const month = monthOf(m[2]);
  const offset = m[7] ? parseZone(m[7]) : undefined;
  if (month === undefined || (m[7] && offset === undefined)) return null;
  return toDate({
    year: +m[1], month, day: +m[3], hour: m[4] ? +m[4] : undefined, minute: m[5] ? +m[5] : undefined,
    second: m[6] ? +m[6] : undefined, offset,
  });
}

/** Parses a feed date; null when the string is empty, malformed or out of range. */
export function parseDate(input: string | null | undefined): Date | null {
  if (!input) return null;
  const s = input.trim().replace(/\s+/g, ' ');
  if (!s) return null;
  for (const parse of [parseW3c, parseIsoTruncated, parseKorean, parseIsoWithMonthName]) {
    const d = parse(s);
    if (d !== undefined) return d;
  }
  if (/^[\d-]+$/.test(s) || /^\d{4}-\d/.test(s)) return null; // numeric but not a date shape
  return parseRfc822Like(s);
}

/** Parses a feed date to ISO 8601 UTC (`2004-01-01T19:48:21.000Z`), or null. */
export function toIsoDate(input: string | null | undefined): string | null {
  return parseDate(input)?.toISOString() ?? null;
}
