import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { alertMessage, followUp } from '../testdata/messages';
import { createConsoleNotifier } from './console-notifier';

function capture(isTTY: boolean) {
  const out: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        out.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, out };
}

describe('console notifier', () => {
  it('prints plain lines: title, outlet and scope, date, lead, topics, why, link', async () => {
    const { stream, out } = capture(false);
    await createConsoleNotifier({ stream, env: {} }).send(alertMessage());
    expect(out.join('')).toBe(
      [
        '[Novo] Kamere sa prepoznavanjem lica u Beogradu',
        '  Example Vesti (domaći medij) · 3. 3. 2025. 11:00',
        '  Ministarstvo je potvrdilo da je postavljeno 8.000 kamera. Poverenik traži procenu uticaja.',
        '  Teme: #prepoznavanje_lica #kamere',
        '  Zašto: prepoznavanje lica: "prepoznavanjem lica"; kamere: "kamere"; Srbija: "beogradu"; policija i MUP: "ministarstvo" (ocena 0,91)',
        '  https://www.example.rs/vesti/kamere-beograd',
        '',
      ].join('\n'),
    );
  });

  it('prints a follow-up with the outlets that joined', async () => {
    const { stream, out } = capture(false);
    await createConsoleNotifier({ stream, env: {} }).send(followUp(alertMessage(), null));
    expect(out.join('')).toContain('[Nastavak priče] Beograd: kamere i prepoznavanje lica');
    expect(out.join('')).toContain('  Preneo još 1 medij: Example Vesti');
  });

  it('prints the milestone a follow-up reached under its title', async () => {
    const { stream, out } = capture(false);
    const f = followUp(alertMessage(), null, { outlet: 'BBC', scope: 'international' });
    f.milestones = [{ kind: 'first-international', outlet: 'BBC' }];
    await createConsoleNotifier({ stream, env: {} }).send(f);
    expect(out.join('').split('\n').slice(0, 2)).toEqual(['[Nastavak priče] Beograd: kamere i prepoznavanje lica', '  🌍 Priču prenosi i prvi strani medij: BBC']);
  });

  it('colours only on a TTY without NO_COLOR, and never lets feed text carry escapes', async () => {
    const hostile = alertMessage({ article: { title: 'Naslov\u001b[2J\u001b]0;pwned\u0007 kraj', outlet: 'O\u001b[31mutlet' } });
    const tty = capture(true);
    await createConsoleNotifier({ stream: tty.stream, env: {} }).send(hostile);
    expect(tty.out.join('')).toContain('\u001b[1mNaslov kraj\u001b[0m');
    // Our own escapes only: bold, yellow, dim and reset.
    expect(tty.out.join('').match(/\u001b\[[0-9;]*m/g)?.every((e) => ['\u001b[1m', '\u001b[33m', '\u001b[2m', '\u001b[0m'].includes(e))).toBe(true);
    expect(tty.out.join('')).not.toMatch(/\u001b\[2J|\u001b\]|\u001b\[31m/);

    const noColor = capture(true);
    await createConsoleNotifier({ stream: noColor.stream, env: { NO_COLOR: '1' } }).send(hostile);
    const pipe = capture(false);
    await createConsoleNotifier({ stream: pipe.stream, env: {} }).send(hostile);
    for (const text of [noColor.out.join(''), pipe.out.join('')]) {
      expect(text).not.toContain('\u001b');
      expect(text).toContain('[Novo] Naslov kraj');
      expect(text).toContain('Outlet (domaći medij)');
    }
  });
});
