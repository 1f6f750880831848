import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { glossary } from '../../shared/context/glossary';
import { buildPanel, type PanelModel } from './context-panel';
import { selectPanelContent, type PanelContent } from '../lib/panel-content';
import { summaryLine } from './panel-body';

function doc(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

const model = (over: Partial<PanelModel> = {}): PanelModel => ({
  lang: 'en',
  topics: ['face-recognition', 'dpia-commissioner'],
  terms: glossary.filter((t) => t.id === 'dpia').map(({ id, term, definition }) => ({ id, term, definition, forms: ['DPIA'] })),
  collapsed: false,
  related: { status: 'off' },
  ...over,
});

describe('buildPanel', () => {
  it('reads top to bottom: summary, latest, law, figures, actions, sources, then all events, terms, related', () => {
    const d = doc();
    const { element } = buildPanel(d, model(), () => {}, () => selectPanelContent(model().topics));
    const sections = [...element.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'));
    expect(sections).toEqual(['summary', 'latest', 'law', 'figures', 'actions', 'sources', 'timeline', 'terms', 'related']);
    expect(element.querySelector('.summary')!.textContent).toBe(
      'This article touches on face recognition, commissioner and impact assessment: what the #hiljadekamera campaign knows about it.',
    );
    expect(summaryLine(['cameras', 'law', 'protest'], 'sr-Latn')).toBe('Tekst se tiče tema kamere, zakon o unutrašnjim poslovima i protesti: šta o tome zna kampanja #hiljadekamera.');
    expect(summaryLine(['huawei-safe-city'], 'en')).toBe('This article touches on Huawei “Safe City”: what the #hiljadekamera campaign knows about it.');
    expect(element.getAttribute('aria-label')).toBe('Nadzor Watch: campaign context');
    // The timeline and the terms wait behind disclosures.
    expect(element.querySelector('details[data-section="timeline"]')!.hasAttribute('open')).toBe(false);
  });

  it('shows the three latest events of the article\'s topics, newest first, with the "as of" date', () => {
    const { element } = buildPanel(doc(), model({ topics: ['dpia-commissioner'] }), () => {}, () => selectPanelContent(model({ topics: ['dpia-commissioner'] }).topics));
    const latest = [...element.querySelectorAll('[data-section="latest"] [data-event]')];
    expect(latest).toHaveLength(3);
    const dates = latest.map((e) => e.querySelector('time')!.getAttribute('datetime')!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(latest.every((e) => e.getAttribute('data-match') === 'true')).toBe(true);
    expect(element.querySelector('.as-of')!.textContent).toMatch(/^What the panel knows runs to \d{4}/);
  });

  it('lists all events of the article\'s topics by default, every topic on request', () => {
    const { element } = buildPanel(doc(), model({ topics: ['dpia-commissioner'] }), () => {}, () => selectPanelContent(model({ topics: ['dpia-commissioner'] }).topics));
    const timeline = element.querySelector('[data-section="timeline"]')!;
    const events = () => [...timeline.querySelectorAll('[data-event]')];
    const own = events();
    expect(own.length).toBeGreaterThan(2);
    expect(own.every((e) => e.getAttribute('data-match') === 'true')).toBe(true);
    expect(own.map((e) => e.getAttribute('data-event'))).toEqual(expect.arrayContaining(['first-dpia-rejected', 'second-dpia-8100-cameras']));
    expect(timeline.querySelector('h2')!.textContent).toBe(`All events (${own.length})`);
    (timeline.querySelector('button') as HTMLElement).click();
    expect(events().length).toBeGreaterThan(20);
    expect(events().some((e) => e.getAttribute('data-match') === 'false')).toBe(true);
  });

  it('never shows internal notes about the seeds', () => {
    for (const topics of [['spyware'], ['local-procurement', 'cameras'], ['face-recognition', 'law', 'campaign']] as const) {
      const { element } = buildPanel(doc(), model({ topics: [...topics] }), () => {}, () => selectPanelContent(model({ topics: [...topics] }).topics));
      expect(element.textContent).not.toMatch(/\bseeds?\b|untitled/i);
    }
  });

  it('speaks the page language: Cyrillic', () => {
    const { element } = buildPanel(doc(), model({ lang: 'sr-Cyrl' }), () => {}, () => selectPanelContent(model({ lang: 'sr-Cyrl' }).topics));
    expect(element.getAttribute('lang')).toBe('sr-Cyrl');
    const text = element.textContent ?? '';
    const cyr = (text.match(/[\u0400-\u04ff]/g) ?? []).length;
    const lat = (text.match(/[a-zA-Z]/g) ?? []).length;
    expect(cyr).toBeGreaterThan(lat * 2);
  });

  it('collapses and expands with its button, and reports the state', () => {
    const onToggle = vi.fn();
    const view = buildPanel(doc(), model(), onToggle, () => selectPanelContent(model().topics));
    const button = view.element.querySelector('button.toggle')!;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    (button as HTMLElement).click();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(view.element.querySelector('.body')!.hasAttribute('hidden')).toBe(true);
    expect(onToggle).toHaveBeenLastCalledWith(true);
    (button as HTMLElement).click();
    expect(onToggle).toHaveBeenLastCalledWith(false);
  });

  it('lists related coverage one per story, newest first', () => {
    const view = buildPanel(doc(), model(), () => {}, () => selectPanelContent(model().topics));
    const a = (title: string, published: string) => ({ title, url: `https://x.rs/${published}`, outlet: 'X', published, score: 0.9, topics: [] });
    view.setRelated({ status: 'ok', articles: [a('Kamere u Nišu', '2024-05-01T10:00:00Z'), a('Nove kamere', '2024-06-01T10:00:00Z'), a('Kamere u Nišu', '2024-05-03T10:00:00Z')] });
    const links = [...view.element.querySelectorAll('[data-section="related"] a')].map((l) => l.getAttribute('href'));
    expect(links).toEqual(['https://x.rs/2024-06-01T10:00:00Z', 'https://x.rs/2024-05-03T10:00:00Z']);
  });

  it('takes the page\'s theme', () => {
    expect(buildPanel(doc(), model({ theme: 'dark' }), () => {}, () => selectPanelContent(model({ theme: 'dark' }).topics)).element.classList.contains('theme-dark')).toBe(true);
    expect(buildPanel(doc(), model(), () => {}, () => selectPanelContent(model().topics)).element.classList.contains('theme-light')).toBe(true);
  });

  it('starts collapsed when remembered so', () => {
    const view = buildPanel(doc(), model({ collapsed: true }), () => {}, () => selectPanelContent(model({ collapsed: true }).topics));
    expect(view.element.classList.contains('collapsed')).toBe(true);
  });

  it('hides related coverage without a server and shows server text as text only', () => {
    const view = buildPanel(doc(), model(), () => {}, () => selectPanelContent(model().topics));
    const related = view.element.querySelector('[data-section="related"]')!;
    expect(related.hasAttribute('hidden')).toBe(true);
    view.setRelated({
      status: 'ok',
      articles: [{ title: '<img src=x onerror=alert(1)>Kamere', url: 'https://n1info.rs/a', outlet: '<b>N1</b>', published: null, score: 0.9, topics: [] }],
    });
    expect(related.hasAttribute('hidden')).toBe(false);
    expect(view.element.querySelectorAll('img, b')).toHaveLength(0);
    const link = related.querySelector('a')!;
    expect(link.textContent).toBe('<img src=x onerror=alert(1)>Kamere');
    expect(link.getAttribute('href')).toBe('https://n1info.rs/a');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    view.setRelated({ status: 'error' });
    expect(related.textContent).toContain('unavailable');
  });

  it('loads its body on first opening, and says so when that fails', async () => {
    let resolve!: (m: PanelContent) => void;
    const loads = vi.fn(() => new Promise<PanelContent>((r) => (resolve = r)));
    const view = buildPanel(doc(), model({ collapsed: true }), () => {}, loads);
    expect(loads).not.toHaveBeenCalled();
    (view.element.querySelector('button.toggle') as HTMLElement).click();
    expect(loads).toHaveBeenCalledTimes(1);
    expect(view.element.querySelector('.body [role="status"]')!.textContent).toBe('Loading…');
    resolve(selectPanelContent(model().topics));
    await Promise.resolve();
    expect(view.element.querySelector('[data-section="latest"]')).not.toBeNull();

    const failing = buildPanel(doc(), model({ collapsed: true }), () => {}, () => Promise.reject(new Error('no background')));
    failing.setCollapsed(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(failing.element.querySelector('.body [role="alert"]')!.textContent).toMatch(/could not be loaded/);
  });
});
