import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { append, externalLink, h } from './h';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

describe('h()', () => {
  it('builds an element with class, attributes and children; text stays text', () => {
    const d = doc();
    const hostile = '<img src=x onerror=alert(1)>';
    const el = h(d, 'div', { class: 'title', attrs: { 'data-id': '7', title: hostile, skipped: undefined } }, hostile, 42, null, false, h(d, 'b', {}, 'x'));
    expect(el.getAttribute('class')).toBe('title');
    expect(el.getAttribute('data-id')).toBe('7');
    expect(el.getAttribute('title')).toBe(hostile);
    expect(el.hasAttribute('skipped')).toBe(false);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe(`${hostile}42x`);
    expect(el.childNodes.length).toBe(3);
  });

  it('adds event listeners', () => {
    const d = doc();
    let clicks = 0;
    const button = h(d, 'button', { on: { click: () => clicks++ } }, 'ok');
    button.dispatchEvent(new (d.defaultView as unknown as typeof globalThis).Event('click'));
    expect(clicks).toBe(1);
  });

  it('appends to an existing node and makes external links without referrer', () => {
    const d = doc();
    append(d.body, 'a', 1, undefined);
    expect(d.body.textContent).toBe('a1');
    const link = externalLink(d, 'https://example.rs/', 'read');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.textContent).toBe('read');
  });
});
