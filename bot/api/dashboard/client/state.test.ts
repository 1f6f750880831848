import { describe, expect, it } from 'vitest';
import { apiParams, presetRange, previousPeriod, readView, viewQuery } from './state';

describe('dashboard view', () => {
  it('names calendar periods around today', () => {
    const today = '2026-12-07';
    expect(presetRange('this-month', today)).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('last-month', today)).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetRange('this-quarter', today)).toMatchObject({ from: '2026-10-01', to: '2026-12-31', interval: 'week' });
    expect(presetRange('last-quarter', today)).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetRange('last-quarter', '2026-02-10')).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetRange('this-year', today)).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetRange('last-year', today)).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetRange('ytd', today)).toMatchObject({ from: '2026-01-01', to: '2026-12-07' });
  });

  it('compares with the period of the same length just before', () => {
    expect(previousPeriod('2025-01-01', '2025-03-31')).toEqual({ from: '2024-10-03', to: '2024-12-31', days: 90 });
    expect(previousPeriod('2025-03-01', '2025-03-31')).toEqual({ from: '2025-01-29', to: '2025-02-28', days: 31 });
  });

  it('reads the URL with the API names and writes it back the same', () => {
    const search = '?from=2025-01-01&to=2025-03-31&interval=week&topic=cameras&scope=domestic&outlet=N1&lang=sr&script=Cyrl&org=share-foundation&q=kamere&relevant=all&ui=sr-Cyrl';
    const v = readView(search, null, 'en', '2026-12-07');
    expect(v).toMatchObject({ ui: 'sr-Cyrl', from: '2025-01-01', to: '2025-03-31', interval: 'week', period: 'custom', relevant: 'all' });
    expect(v.filters).toEqual({ topic: 'cameras', scope: 'domestic', outlet: 'N1', lang: 'sr', script: 'Cyrl', org: 'share-foundation', q: 'kamere' });
    expect(new URLSearchParams(viewQuery(v))).toEqual(new URLSearchParams(search.slice(1)));
    expect(Object.fromEntries(apiParams(v, { interval: 'week' }))).toEqual({
      from: '2025-01-01', to: '2025-03-31', topic: 'cameras', scope: 'domestic', outlet: 'N1', lang: 'sr', script: 'Cyrl',
      org: 'share-foundation', q: 'kamere', relevant: 'all', interval: 'week',
    });
  });

  it('falls back to this quarter, and drops malformed values', () => {
    const v = readView('?from=2025-02-30&to=x&scope=mars&script=Grek&ui=de', null, 'sr-RS', '2026-12-07');
    expect(v).toMatchObject({ ui: 'sr-Latn', from: '2026-10-01', to: '2026-12-31', period: 'this-quarter', filters: {} });
    expect(readView('?lang=sr-Cyrl', null, 'en', '2026-12-07').ui).toBe('sr-Cyrl'); // an older link
  });
});
