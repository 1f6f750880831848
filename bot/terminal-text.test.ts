import { describe, expect, it } from 'vitest';
import { quoted, stripControls, terminalJson } from './terminal-text';

const ESC = '\x1b';

describe('stripControls', () => {
  it('removes colour and cursor sequences (CSI), 7-bit and 8-bit', () => {
    expect(stripControls(`${ESC}[31mred${ESC}[0m ${ESC}[2J${ESC}[1;1Hx \x9b31mred8`)).toBe('red x red8');
  });

  it('removes OSC strings whole (window title, clipboard, hyperlinks) with either terminator', () => {
    expect(stripControls(`<${ESC}]0;pwned\x07rss>`)).toBe('<rss>');
    expect(stripControls(`a${ESC}]52;c;ZWNobyBoaQ==${ESC}\\b`)).toBe('ab');
    expect(stripControls(`${ESC}]8;;http://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`)).toBe('click');
    expect(stripControls(`a\x9d0;title\x9cb`)).toBe('ab');
    expect(stripControls(`a${ESC}P1$r${ESC}\\b`)).toBe('ab');
  });

  it('drops an unterminated control string introducer and keeps the visible text', () => {
    expect(stripControls(`a${ESC}]0;title`)).toBe('a0;title');
    expect(stripControls(`${ESC}`)).toBe('');
  });

  it('removes other escapes, C0, DEL, C1 and bidi overrides; keeps letters of both scripts', () => {
    expect(stripControls(`${ESC}(0x${ESC}c\x00\x07\x08\x7f\x85\x9fy`)).toBe('x y');
    expect(stripControls('admin\u202Egnp.exe\u202C \u2066iso\u2069')).toBe('admingnp.exe iso');
    expect(stripControls('Kamere u Nišu — Камере у Нишу \u200F')).toBe('Kamere u Nišu — Камере у Нишу ');
  });

  it('makes line breaks and tabs spaces, so one log line stays one line', () => {
    expect(stripControls('title\nERROR forged line\r\nx\ry\tz\u2028w')).toBe('title ERROR forged line x y z w');
  });

  it('keeps line breaks as "\\n" when asked, but never a bare CR', () => {
    expect(stripControls('a\r\nb\rc\nd', { keepNewlines: true })).toBe('a\nb\nc\nd');
  });

  it('takes linear time on hostile input', () => {
    // 200,000 unterminated OSC introducers and CSI starts: a backtracking pattern would take minutes.
    const hostile = `${ESC}]0;x`.repeat(100_000) + `${ESC}[1;2;3`.repeat(100_000);
    const out = stripControls(hostile);
    expect(out === '0;x'.repeat(100_000) + '1;2;3'.repeat(100_000)).toBe(true);
  });
});

describe('terminalJson', () => {
  it('escapes what a terminal acts on and reads back to the same value', () => {
    const value = { title: `a${ESC}]0;t\x07\x9b31m\u202Eb\u2028c` };
    const out = terminalJson(value);
    expect(out).toBe('{"title":"a\\u001b]0;t\\u0007\\u009b31m\\u202eb\\u2028c"}');
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('quoted', () => {
  it('strips controls from remote text echoed in an error and bounds its length', () => {
    expect(quoted(`Not Found${ESC}[31m!${ESC}[0m`)).toBe('Not Found!');
    expect(quoted(`rss${ESC}]0;owned\x07`)).toBe('rss');
    expect(quoted('x'.repeat(10_000), 50)).toBe('x'.repeat(49) + '…');
  });
});
