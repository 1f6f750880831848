import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { glossary } from '../../shared/context/glossary';
import { buildPanel, type PanelModel } from './context-panel';

function doc(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

const model = (over: Partial<PanelModel> = {}): PanelModel => ({
  lang: 'en',
  topics: ['face-recognition', 'dpia-commissioner'],
  terms: glossary.filter((t) => t.id === 'dpia'),
  collapsed: false,
  related: { status: 'off' },
  ...over,
});

describe('buildPanel', () => {
  it('has the sections: about, timeline, figures, law, actions, terms, related', () => {
    const d = doc();
    const { element } = buildPanel(d, model(), () => {});
    const sections = [...element.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'));
    expect(sections).toEqual(['about', 'timeline', 'figures', 'law', 'actions', 'terms', 'related']);
    expect(element.querySelectorAll('[data-topic]')).toHaveLength(2);
    expect(element.getAttribute('aria-label')).toBe('Nadzor Watch: campaign context');
  });

  it('marks the timeline events that share a topic with the article', () => {
    const { element } = buildPanel(doc(), model({ topics: ['dpia-commissioner'] }), () => {});
    const events = [...element.querySelectorAll('[data-event]')];
    const marked = events.filter((e) => e.getAttribute('data-match') === 'true').map((e) => e.getAttribute('data-event'));
    expect(events.length).toBeGreaterThan(20);
    expect(marked).toEqual(expect.arrayContaining(['first-dpia-rejected', 'second-dpia-8100-cameras']));
    expect(marked).not.toContain('july-2020-protests');
    expect(marked.length).toBeGreaterThan(2);
    expect(marked.length).toBeLessThan(events.length);
    for (const e of events) expect(e.classList.contains('match')).toBe(e.getAttribute('data-match') === 'true');
  });

  it('speaks the page language: Cyrillic', () => {
    const { element } = buildPanel(doc(), model({ lang: 'sr-Cyrl' }), () => {});
    expect(element.getAttribute('lang')).toBe('sr-Cyrl');
    const text = element.textContent ?? '';
    const cyr = (text.match(/[\u0400-\u04ff]/g) ?? []).length;
    const lat = (text.match(/[a-zA-Z]/g) ?? []).length;
    expect(cyr).toBeGreaterThan(lat * 2);
  });

  it('collapses and expands with its button, and reports the state', () => {
    const onToggle = vi.fn();
    const view = buildPanel(doc(), model(), onToggle);
    const button = view.element.querySelector('button.toggle')!;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    (button as HTMLElement).click();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(view.element.querySelector('.body')!.hasAttribute('hidden')).toBe(true);
    expect(onToggle).toHaveBeenLastCalledWith(true);
    (button as HTMLElement).click();
    expect(onToggle).toHaveBeenLastCalledWith(false);
  });

  it('starts collapsed when remembered so', () => {
    const view = buildPanel(doc(), model({ collapsed: true }), () => {});
    expect(view.element.classList.contains('collapsed')).toBe(true);
  });

  it('hides related coverage without a server and shows server text as text only', () => {
    const view = buildPanel(doc(), model(), () => {});
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
});
