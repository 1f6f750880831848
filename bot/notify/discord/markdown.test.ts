import { describe, expect, it } from 'vitest';
import { discordLinks, discordVisible } from '../../../test/fakes/discord-view';
import { alertView } from '../format/alert-view';
import { alertMessage, HOSTILE_TITLE } from '../testdata/messages';
import { alertEmbed, escapedWithin } from './embed';
import { escapeMarkdown, renderDiscordMarkdown } from './markdown';

describe('Discord markdown', () => {
  it('escapes every character that could start markup, mentions and masked links included', () => {
    expect(escapeMarkdown(HOSTILE_TITLE)).toBe('\\@everyone \\<b\\>x\\</b\\> \\[a\\]\\(http://evil\\)');
    expect(escapeMarkdown('**b** _i_ `c` ||s|| > q # h - l <@123> <t:1:R>')).toBe(
      '\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\|\\|s\\|\\| \\> q \\# h \\- l \\<\\@123\\> \\<t:1:R\\>',
    );
    expect(escapeMarkdown('1. lista')).toBe('1\\. lista');
  });

  it('never cuts an escape in half when shortening', () => {
    const out = escapedWithin('*'.repeat(300), 256);
    expect(out.length).toBeLessThanOrEqual(256);
    expect(out.replace(/\\\*/g, '')).toBe('…');
  });

  it('renders one alert as the exact embed', () => {
    expect(alertEmbed(alertView(alertMessage()))).toEqual({
      title: 'Kamere sa prepoznavanjem lica u Beogradu',
      url: 'https://www.example.rs/vesti/kamere-beograd',
      description: 'Ministarstvo je potvrdilo da je postavljeno 8.000 kamera. Poverenik traži procenu uticaja.',
      color: 0xc6363c,
      fields: [
        { name: 'Medij', value: '🇷🇸 Example Vesti · domaći medij', inline: true },
        { name: 'Objavljeno', value: '3\\. 3. 2025. 11:00', inline: true },
        { name: 'Teme', value: '\\#prepoznavanje\\_lica \\#kamere', inline: false },
        { name: 'Zašto', value: 'prepoznavanje lica: "prepoznavanjem lica"; kamere: "kamere" \\(ocena 0,91\\) · još 2 razloga: /why', inline: false },
      ],
      // The date once: in its field, with no embed timestamp repeating it in the footer.
      footer: { text: 'Nadzor Watch' },
    });
  });

  it('shows a hostile title as the same text, with no live link', () => {
    const embed = alertEmbed(alertView(alertMessage({ article: { title: HOSTILE_TITLE, lead: '[x](https://phish.example) **bold**' } })));
    expect(discordVisible({ embeds: [embed] })).toContain(HOSTILE_TITLE);
    expect(discordVisible({ embeds: [embed] })).toContain('[x](https://phish.example) **bold**');
    expect(discordLinks({ embeds: [embed] })).toEqual(['https://www.example.rs/vesti/kamere-beograd']);
  });

  it('renders documents with masked links that do not unfurl', () => {
    const [md] = renderDiscordMarkdown([[{ text: 'Naslov [1]', bold: true, href: 'https://a.rs/x' }, ' — N1']]);
    expect(md).toBe('[**Naslov \\[1\\]**](<https://a.rs/x>) — N1');
  });
});
