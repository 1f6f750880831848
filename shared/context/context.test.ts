import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KEEP_LATIN } from '../text/ui-cyrillic';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../model/types';
import {
  CONTEXT,
  actions,
  actors,
  entriesForTopics,
  eventsForTopics,
  figures,
  formatDate,
  glossary,
  law,
  localize,
  localizeValue,
  timeline,
  type Entry,
  type Localized,
  type UiLang,
} from './index';

/** Written out here rather than imported, so a typo in types.ts cannot hide itself. */
const SEED_FILE_NAMES = [
  '000_47b8718bd1bbc52b.txt',
  '001_f23c2dffb2220513.txt',
  '002_85634348b658b6c7.txt',
  '003_4106cee38390474d.txt',
  '004_99737e50437e8c67.txt',
];

const LANGS: UiLang[] = ['en', 'sr-Latn', 'sr-Cyrl'];
const CYRILLIC = /[\u0400-\u04ff]/;

/** The Localized fields of each kind, so every text is checked in every language. */
const KINDS: Array<{ name: string; entries: readonly Entry[]; texts: (e: never) => Localized[] }> = [
  { name: 'timeline', entries: timeline, texts: (e: (typeof timeline)[number]) => [e.title, e.summary] },
  {
    name: 'figures',
    entries: figures,
    texts: (e: (typeof figures)[number]) => (e.note ? [e.label, e.note] : [e.label]),
  },
  { name: 'actors', entries: actors, texts: (e: (typeof actors)[number]) => [e.name, e.role] },
  { name: 'law', entries: law, texts: (e: (typeof law)[number]) => [e.name, e.summary] },
  { name: 'actions', entries: actions, texts: (e: (typeof actions)[number]) => [e.title, e.howTo] },
  { name: 'glossary', entries: glossary, texts: (e: (typeof glossary)[number]) => [e.term, e.definition] },
];

/** True when every word has q, w, x or y: a foreign name the transliteration leaves alone. */
/** Brand names stay Latin in Cyrillic text (shared/text/ui-cyrillic.ts), as do words with q, w, x, y. */
const onlyForeignWords = (text: string): boolean =>
  (text.match(/\p{L}+/gu) ?? []).every((word) => /[qwxy]/i.test(word) || KEEP_LATIN.some((name) => name.split(' ').includes(word)));

const allEntries = (): Entry[] => KINDS.flatMap((k) => [...k.entries]);
const allTexts = (): Array<{ id: string; text: Localized }> =>
  KINDS.flatMap((k) =>
    k.entries.flatMap((e) => (k.texts as (e: Entry) => Localized[])(e).map((text) => ({ id: e.id, text }))),
  );

describe('every entry of every kind', () => {
  for (const kind of KINDS) {
    it(`${kind.name}: has an id, topics and sources from the seeds`, () => {
      expect(kind.entries.length).toBeGreaterThan(0);
      for (const e of kind.entries) {
        expect(e.id, 'kebab-case id').toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(e.topics.length, `${e.id} topics`).toBeGreaterThan(0);
        for (const t of e.topics) expect(TOPICS, `${e.id} topic`).toContain(t);
        expect(new Set(e.topics).size, `${e.id} repeats a topic`).toBe(e.topics.length);
        expect(e.sources.length, `${e.id} sources`).toBeGreaterThan(0);
        for (const s of e.sources) {
          expect(SEED_FILE_NAMES, `${e.id} seed`).toContain(s.seed);
          expect(s.title.trim(), `${e.id} source title`).not.toBe('');
          if (s.url !== undefined) expect(s.url, `${e.id} url`).toMatch(/^https?:\/\//);
        }
      }
    });

    it(`${kind.name}: has text in English, Serbian Latin and Serbian Cyrillic`, () => {
      for (const e of kind.entries) {
        for (const text of (kind.texts as (e: Entry) => Localized[])(e)) {
          for (const lang of LANGS) expect(localize(text, lang).trim(), `${e.id} ${lang}`).not.toBe('');
          // A bare foreign brand ("Huawei", "ReclaimYourFace") stays Latin in Cyrillic text too.
          if (onlyForeignWords(text.sr)) continue;
          expect(localize(text, 'sr-Cyrl'), `${e.id} Cyrillic: ${text.sr}`).toMatch(CYRILLIC);
        }
      }
    });
  }

  it('ids are unique across the whole module', () => {
    const ids = allEntries().map((e) => e.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('CONTEXT lists every kind', () => {
    expect(Object.keys(CONTEXT).sort()).toEqual(KINDS.map((k) => k.name).sort());
  });
});

describe('Serbian text', () => {
  /** Foreign names that keep their spelling (and stay Latin in Cyrillic output). */
  const FOREIGN_OK = new Set(['Huawei', 'ReclaimYourFace', 'Griffeye']);

  it('uses Serbian spellings, so that transliteration gives real Cyrillic words', () => {
    const bad: string[] = [];
    for (const { id, text } of allTexts()) {
      for (const word of text.sr.match(/[\p{L}]+/gu) ?? []) {
        if (/[qwxy]/i.test(word) && !FOREIGN_OK.has(word)) bad.push(`${id}: ${word}`);
        else if (!FOREIGN_OK.has(word) && /th|ck|ee|oo/i.test(word)) bad.push(`${id}: ${word}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('is written out, not copied from the English', () => {
    const copied = allTexts().filter(({ text }) => text.sr.length > 25 && text.sr === text.en);
    expect(copied.map((s) => s.id)).toEqual([]);
  });

  it('transliterates a known name to Cyrillic', () => {
    expect(localize({ en: 'SHARE Foundation', sr: 'Šer fondacija' }, 'sr-Cyrl')).toBe('Шер фондација');
    const share = actors.find((a) => a.id === 'share-foundation');
    expect(share && localize(share.name, 'sr-Cyrl')).toBe('Шер фондација');
    expect(share && localize(share.name, 'en')).toBe('SHARE Foundation');
    expect(share && localize(share.name, 'sr-Latn')).toBe('Šer fondacija');
  });

  it('keeps foreign names and URLs in Latin inside Cyrillic text', () => {
    expect(localize({ en: '', sr: 'Huawei i MUP' }, 'sr-Cyrl')).toBe('Huawei и МУП');
    expect(localize({ en: '', sr: 'pokret ReclaimYourFace' }, 'sr-Cyrl')).toBe('покрет ReclaimYourFace');
  });
});

describe('timeline', () => {
  it('has at least 25 events', () => {
    expect(timeline.length).toBeGreaterThanOrEqual(25);
  });

  it('has dates as precise as the seeds allow, in YYYY, YYYY-MM or YYYY-MM-DD form', () => {
    for (const e of timeline) {
      expect(e.date, e.id).toMatch(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/);
    }
  });

  it('is sorted by date, starting in 2009', () => {
    const dates = timeline.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0].slice(0, 4)).toBe('2009');
  });

  it('covers the key years of the campaign', () => {
    const years = new Set(timeline.map((e) => e.date.slice(0, 4)));
    for (const y of ['2009', '2011', '2014', '2019', '2020', '2021', '2022', '2024']) {
      expect(years, y).toContain(y);
    }
  });

  it('includes the milestones', () => {
    const text = timeline.map((e) => `${e.title.en} ${e.summary.en}`).join('\n');
    for (const needle of ['8,100', '1,000', '800 locations', '1,055', '473', '243', '16,800', 'Reclaim Your Face', '42 local governments']) {
      expect(text, needle).toContain(needle);
    }
    const withdrawals = timeline.filter((e) => /withdrawn/i.test(e.title.en));
    expect(withdrawals.map((e) => e.date.slice(0, 7))).toEqual(['2021-09', '2022-12']);
  });
});

describe('glossary', () => {
  it('has at least 12 terms, each with surface forms to match', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(12);
    for (const g of glossary) {
      expect(g.matches.length, g.id).toBeGreaterThan(0);
      for (const m of g.matches) expect(m.trim(), g.id).not.toBe('');
      expect(new Set(g.matches.map((m) => m.toLowerCase())).size, `${g.id} repeats a form`).toBe(g.matches.length);
    }
  });

  it('gives Serbian forms as well as English ones', () => {
    for (const id of ['dpia', 'face-recognition', 'safe-city', 'commissioner', 'mass-surveillance', 'cctv']) {
      const g = glossary.find((t) => t.id === id);
      expect(g, id).toBeDefined();
      expect(g?.matches.some((m) => /[čćšžđ]|nadzor|lica|uticaja|grad|poverenik/i.test(m)), id).toBe(true);
    }
  });
});

describe('actors', () => {
  it('have aliases, including the name itself and a Cyrillic form where one exists', () => {
    for (const a of actors) {
      expect(a.aliases.length, a.id).toBeGreaterThan(0);
      expect(a.aliases, a.id).toContain(a.name.en.replace(/ \(.*\)$/, ''));
      if (localize(a.name, 'sr-Cyrl') !== a.name.sr) {
        expect(a.aliases.some((x) => CYRILLIC.test(x)), `${a.id} has no Cyrillic alias`).toBe(true);
      }
    }
  });

  it('names the SHARE Foundation in both scripts and languages', () => {
    const share = actors.find((a) => a.id === 'share-foundation');
    expect(share?.aliases).toEqual(
      expect.arrayContaining(['SHARE Foundation', 'Šer fondacija', 'Шер фондација', 'SHARE fondacija']),
    );
  });
});

describe('figures', () => {
  it('carry the seed numbers', () => {
    const byId = new Map(figures.map((f) => [f.id, f.value]));
    expect(byId.get('cameras-in-2020-dpia')).toBe('8,100');
    expect(byId.get('cameras-mapped-by-citizens')).toBe('1,055+');
    expect(byId.get('locations-mapped-by-citizens')).toBe('473');
    expect(byId.get('locations-on-ministry-website')).toBe('243');
    expect(byId.get('petition-signatures')).toBe('16,800+');
    expect(byId.get('local-governments-procuring')).toBe('42');
  });

  it('have an asOf date', () => {
    for (const f of figures) expect(f.asOf, f.id).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
  });
});

describe('helpers', () => {
  it('eventsForTopics keeps the whole timeline and marks the events that share a topic', () => {
    const events = eventsForTopics(['spyware']);
    expect(events.length).toBe(timeline.length);
    expect(events.filter((e) => e.matches).map((e) => e.id)).toEqual(['birn-report-8000-cameras']);
    expect(eventsForTopics([]).some((e) => e.matches)).toBe(false);
  });

  it('entriesForTopics ranks by topic overlap and drops unrelated entries', () => {
    const ranked = entriesForTopics(figures, ['cameras', 'campaign']);
    expect(ranked.length).toBeGreaterThan(0);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].overlap).toBeGreaterThanOrEqual(ranked[i].overlap);
    expect(ranked.every((f) => f.overlap > 0)).toBe(true);
    expect(ranked[0].overlap).toBe(2);
    expect(entriesForTopics(law, ['spyware'])).toEqual([]);
    expect(entriesForTopics(law, ['spyware'], { includeUnmatched: true }).length).toBe(law.length);
    expect(entriesForTopics(actions, ['campaign'], { limit: 3 }).length).toBe(3);
  });

  it('entriesForTopics prefers the more specific entry on a tie', () => {
    const a = { id: 'a', topics: ['law', 'cameras', 'protest'] as const, sources: [] };
    const b = { id: 'b', topics: ['law'] as const, sources: [] };
    const ranked = entriesForTopics([a, b].map((e) => ({ ...e, topics: [...e.topics] })), ['law']);
    expect(ranked.map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('localizeValue writes Serbian separators', () => {
    expect(localizeValue('16,800+', 'en')).toBe('16,800+');
    expect(localizeValue('16,800+', 'sr-Latn')).toBe('16.800+');
    expect(localizeValue('1,000,000+', 'sr-Cyrl')).toBe('1.000.000+');
    expect(localizeValue('2.5', 'sr-Latn')).toBe('2,5');
  });

  it('formatDate writes partial dates in each language', () => {
    expect(formatDate('2021-09-23', 'en')).toBe('23 September 2021');
    expect(formatDate('2019-09', 'en')).toBe('September 2019');
    expect(formatDate('2009', 'en')).toBe('2009');
    expect(formatDate('2021-09-23', 'sr-Latn')).toBe('23. septembra 2021.');
    expect(formatDate('2019-09', 'sr-Latn')).toBe('septembar 2019.');
    expect(formatDate('2022-12', 'sr-Cyrl')).toBe('децембар 2022.');
  });
});

const seedDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

describe.skipIf(!existsSync(seedDir))('against the seed files', () => {
  const seedText = new Map(SEED_FILE_NAMES.map((f) => [f, readFileSync(seedDir + f, 'utf8')]));

  it('every cited seed file exists', () => {
    for (const f of SEED_FILE_NAMES) expect(seedText.get(f)?.length ?? 0, f).toBeGreaterThan(0);
  });

  it('every URL appears in the seed it is cited from', () => {
    for (const e of allEntries()) {
      for (const s of e.sources) {
        if (s.url !== undefined) expect(seedText.get(s.seed), `${e.id}: ${s.url}`).toContain(s.url);
      }
    }
    for (const a of actions) {
      if (a.url === undefined) continue;
      expect(
        a.sources.some((s) => seedText.get(s.seed)?.includes(a.url ?? '')),
        `${a.id}: ${a.url}`,
      ).toBe(true);
    }
  });

  it('every figure value appears in one of its seeds', () => {
    for (const f of figures) {
      const digits = f.value.replace(/\+$/, '');
      // The seeds write numbers as "8,100", "8.100", "1000" or "1 million".
      const forms = [digits, digits.replace(/,/g, '.'), digits.replace(/,/g, ''), digits.replace(/,000,000$/, ' million')];
      const found = f.sources.some((s) => {
        const text = seedText.get(s.seed) ?? '';
        return forms.some((form) => text.includes(form));
      });
      expect(found, `${f.id}: ${f.value}`).toBe(true);
    }
  });
});
