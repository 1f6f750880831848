import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { selectPanelContent } from '../lib/panel-content';
import { fillPanelBody, relatedList, summaryLine } from './panel-body';

function doc(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

// The panel around the body (the tab, opening, related updates) is tested in context-panel.test.ts.
describe('the panel body', () => {
  it('opens with the one-line summary in the panel language', () => {
    const d = doc();
    const body = d.createElement('div');
    const filled = fillPanelBody(d, { lang: 'sr-Latn', topics: ['cameras'], terms: [], collapsed: false, related: { status: 'off' } }, body, selectPanelContent(['cameras']));
    expect(body.firstElementChild!.getAttribute('data-section')).toBe('summary');
    expect(summaryLine(['cameras', 'law', 'protest'], 'sr-Latn')).toBe('Tekst se tiče tema kamere, zakon o unutrašnjim poslovima i protesti: šta o tome zna kampanja #hiljadekamera.');
    expect(filled.relatedSection.getAttribute('data-section')).toBe('related');
  });

  it('lists related coverage as text only', () => {
    const list = relatedList(doc(), 'en', { status: 'ok', articles: [{ title: '<b>x</b>', url: 'https://n1info.rs/a', outlet: 'N1', published: null, score: 1, topics: [] }] });
    expect(list.querySelectorAll('b')).toHaveLength(0);
    expect(list.querySelector('a')!.textContent).toBe('<b>x</b>');
    expect(relatedList(doc(), 'en', { status: 'error' }).textContent).toContain('unavailable');
  });
});
