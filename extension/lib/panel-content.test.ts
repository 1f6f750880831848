import { describe, expect, it } from 'vitest';
import { SEEDS } from '../../shared/context/sources';
import { timeline } from '../../shared/context/timeline';
import { allEvents, KNOWLEDGE_AS_OF, latestEvents, readerTitle, relatedForPanel, shortText, sourcesOf } from './panel-content';

describe('panel content', () => {
  it('picks the latest events of the topics, newest first', () => {
    const latest = latestEvents(['law'], 3);
    expect(latest).toHaveLength(3);
    expect(latest.every((e) => e.topics.includes('law'))).toBe(true);
    const newestLaw = timeline.filter((e) => e.topics.includes('law')).map((e) => e.date).sort().reverse();
    expect(latest.map((e) => e.date)).toEqual(newestLaw.slice(0, 3));
  });

  it('lists all events of the topics, or all of them', () => {
    expect(allEvents(['protest'], false).every((e) => e.matches)).toBe(true);
    expect(allEvents(['protest'], true)).toHaveLength(timeline.length);
  });

  it('knows the date its knowledge runs to', () => {
    expect(KNOWLEDGE_AS_OF).toMatch(/^20\d\d/);
    expect(timeline.every((e) => e.date <= KNOWLEDGE_AS_OF || e.date.startsWith(KNOWLEDGE_AS_OF))).toBe(true);
  });

  it('keeps editors\' notes out of source titles, and lists each source once', () => {
    expect(readerTitle({ seed: SEEDS.boell.seed, title: 'A report (untitled in the seed)' })).toBe('A report');
    const entries = latestEvents(['face-recognition', 'dpia-commissioner', 'spyware'], 10);
    const sources = sourcesOf([...entries, ...entries]);
    expect(new Set(sources.map((s) => s.title + s.url)).size).toBe(sources.length);
    for (const s of sources) expect(s.title).not.toMatch(/seed|untitled/i);
  });

  it('shortens a definition to about 160 characters, saying whether there is more', () => {
    expect(shortText('Short.')).toEqual({ short: 'Short.', more: false });
    const long = 'A data protection impact assessment is required before processing that is likely to result in a high risk. ' + 'It must describe the processing and its necessity. '.repeat(5);
    const { short, more } = shortText(long);
    expect(more).toBe(true);
    expect(short.length).toBeLessThanOrEqual(160);
    expect(short).toBe('A data protection impact assessment is required before processing that is likely to result in a high risk.');
    const words = shortText('word '.repeat(100));
    expect(words.short.length).toBeLessThanOrEqual(160);
    expect(words.short.endsWith('word…')).toBe(true);
  });

  it('keeps one related article per story, newest first', () => {
    const a = (title: string, published: string | null) => ({ title, published });
    expect(relatedForPanel([a('Kamere', '2024-01-01'), a('Drugo', '2024-03-01'), a('KAMERE!', '2024-02-01'), a('Bez datuma', null)])).toEqual([
      a('Drugo', '2024-03-01'),
      a('KAMERE!', '2024-02-01'),
      a('Bez datuma', null),
    ]);
  });
});
