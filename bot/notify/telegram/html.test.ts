import { describe, expect, it } from 'vitest';
import { parseTelegramHtml } from '../../../test/fakes/telegram-html';
import { alertView } from '../format/alert-view';
import { alertMessage, HOSTILE_TITLE } from '../testdata/messages';
import { alertHtml } from './alert-html';
import { escapeHtml, renderTelegramHtml } from './html';

describe('Telegram HTML', () => {
  it('escapes feed text so tags and entities arrive as text', () => {
    expect(escapeHtml(HOSTILE_TITLE)).toBe('@everyone &lt;b&gt;x&lt;/b&gt; [a](http://evil)');
    expect(escapeHtml('a & b "c"')).toBe('a &amp; b &quot;c&quot;');
  });

  it('renders one alert exactly', () => {
    expect(alertHtml(alertView(alertMessage()))).toBe(
      [
        '<a href="https://www.example.rs/vesti/kamere-beograd"><b>Kamere sa prepoznavanjem lica u Beogradu</b></a>',
        '🇷🇸 Example Vesti · domaći medij · 3. 3. 2025. 11:00',
        '',
        'Ministarstvo je potvrdilo da je postavljeno 8.000 kamera. Poverenik traži procenu uticaja.',
        '',
        '#prepoznavanje_lica #kamere',
        '<i>Zašto:</i> prepoznavanje lica: &quot;prepoznavanjem lica&quot;; kamere: &quot;kamere&quot; (ocena 0,91)',
        '<blockquote expandable>Srbija: &quot;beogradu&quot;\npolicija i MUP: &quot;ministarstvo&quot;</blockquote>',
        '<a href="https://www.example.rs/vesti/kamere-beograd">Pročitaj</a> · www.example.rs',
      ].join('\n'),
    );
  });

  it('keeps a huge alert within 4096 characters and well formed', () => {
    const huge = alertMessage({
      article: { title: '<i>'.repeat(3000), lead: '&'.repeat(5000), url: `https://a.rs/${'x'.repeat(3000)}` },
      classification: { relevant: true, score: 0.9, topics: ['law'], reasons: Array(50).fill('"<b>"'), lang: 'sr', script: 'Latn' },
    });
    const html = alertHtml(alertView(huge));
    expect(html.length).toBeLessThanOrEqual(4096);
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok).toBe(true);
  });

  it('splits a long document between lines, each part well formed', () => {
    const doc = Array.from({ length: 300 }, (_, i) => [{ text: `<${i}> & co`, bold: true, href: `https://a.rs/${i}` }, ' tail']);
    const parts = renderTelegramHtml(doc);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(parseTelegramHtml(p).ok).toBe(true);
    }
    expect(parts.join('\n').match(/&lt;\d+&gt;/g)).toHaveLength(300);
  });
});
