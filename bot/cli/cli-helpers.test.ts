import { describe, expect, it } from 'vitest';
import { classify } from '../../shared/classify/classify';
import { healthCounts } from './feed-health';
import { table } from './table';
import { belgradeTime } from './time';
import { MODEL_THRESHOLD, missingEvidence, verdictLine } from './verdict';

describe('table', () => {
  it('fits 100 columns, narrowing the widest column and cutting its cells with "…"', () => {
    const url = 'https://example.rs/' + 'a'.repeat(290);
    const out = table(['outlet', 'scope', 'url'], [['RTS', 'domestic', url], ['Н1', 'domestic', 'https://n1info.rs/feed']]);
    const lines = out.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(100);
    expect(lines[1]).toMatch(/^-{6} {2}-{8} {2}-+$/);
    expect(lines[2]).toMatch(/^RTS {5}domestic {2}https:\/\/example\.rs\/a+…$/);
    expect(lines[3]).toBe('Н1      domestic  https://n1info.rs/feed');
  });

  it('leaves a narrow table as it is', () => {
    expect(table(['a', 'bb'], [['xxx', 'y']])).toBe('a    bb\n---  --\nxxx  y');
  });
});

describe('belgradeTime', () => {
  it('shows Belgrade local time to the second, without milliseconds or zone letters', () => {
    expect(belgradeTime('2026-01-15T10:20:30.123Z')).toBe('2026-01-15 11:20:30');
    expect(belgradeTime('2026-07-15T10:20:30.999Z')).toBe('2026-07-15 12:20:30');
    expect(belgradeTime(null)).toBe('-');
    expect(belgradeTime('soon', 'undated')).toBe('undated');
  });
});

describe('feed health counts', () => {
  it('counts each feed once, so the parts add up to the total (not "-2 ok")', () => {
    const feeds = [
      { paused: false, consecutiveFailures: 0, firstReadAt: '2026-01-01T00:00:00Z' },
      { paused: false, consecutiveFailures: 2, firstReadAt: null },
      { paused: false, consecutiveFailures: 1, firstReadAt: null },
      { paused: true, consecutiveFailures: 8, firstReadAt: null },
      { paused: false, consecutiveFailures: 0, firstReadAt: null },
    ];
    expect(healthCounts(feeds)).toBe('5 feeds: 1 ok, 2 failing, 1 paused, 1 not read yet');
  });
});

describe('verdict of a rejected item', () => {
  it('names the threshold and what was missing', () => {
    const input = { title: 'Football results of the weekend', text: 'Two goals in the last minute.' };
    const c = classify(input);
    expect(c.relevant).toBe(false);
    const line = verdictLine(input, c);
    expect(line).toContain(`< threshold ${MODEL_THRESHOLD}`);
    expect(line).toMatch(/missing: no surveillance term .*; nothing placing it in Serbia/);
  });

  it('says when only the place is missing, and when another country counts against it', () => {
    expect(missingEvidence({ title: 'Face recognition cameras in London' })).toEqual([
      'nothing placing it in Serbia (a town, institution or official)',
      'it names another country, which counts against it',
    ]);
  });

  it('says RELEVANT with the threshold for an accepted one', () => {
    const input = { title: 'Kamere za prepoznavanje lica u Beogradu', text: 'MUP Srbije postavlja nove kamere.' };
    expect(verdictLine(input, classify(input))).toMatch(/^RELEVANT: score \d\.\d{3} ≥ threshold /);
  });
});
