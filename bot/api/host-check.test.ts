import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { defaultAllowedHosts, hostAllowed, hostCheck, parseHostPort } from './host-check';

describe('parseHostPort', () => {
  it('reads names, addresses and bracketed IPv6, with or without a port', () => {
    expect(parseHostPort('LocalHost:8787')).toEqual({ host: 'localhost', port: 8787 });
    expect(parseHostPort('127.0.0.1')).toEqual({ host: '127.0.0.1', port: null });
    expect(parseHostPort('[::1]:8787')).toEqual({ host: '::1', port: 8787 });
    expect(parseHostPort('nadzor.lan.')).toEqual({ host: 'nadzor.lan', port: null });
  });

  it('refuses what is not a host', () => {
    for (const bad of ['', 'a b', 'http://x', 'x:99999', 'x:', 'user@x', '::1', 'x/y']) expect(parseHostPort(bad), bad).toBeNull();
  });
});

describe('hostAllowed', () => {
  const allowed = defaultAllowedHosts('127.0.0.1', 8787);

  it('answers the bind address and the loopback names with the port', () => {
    for (const ok of ['127.0.0.1:8787', 'localhost:8787', 'LOCALHOST:8787', '[::1]:8787']) expect(hostAllowed(ok, allowed), ok).toBe(true);
  });

  it('refuses another name (DNS rebinding), another port, or a malformed Host', () => {
    for (const bad of ['evil.example:8787', 'evil.example', '127.0.0.1:9999', '127.0.0.1', 'localhost.evil.example:8787', '127.0.0.1:8787 x']) {
      expect(hostAllowed(bad, allowed), bad).toBe(false);
    }
  });

  it('lets an entry without a port match any port, and a Host without a port mean 80', () => {
    expect(hostAllowed('nadzor.lan', [{ host: 'nadzor.lan', port: null }])).toBe(true);
    expect(hostAllowed('nadzor.lan:3000', [{ host: 'nadzor.lan', port: null }])).toBe(true);
    expect(hostAllowed('nadzor.lan', [{ host: 'nadzor.lan', port: 80 }])).toBe(true);
  });

  it('includes this machine\'s addresses on a wildcard bind', () => {
    expect(defaultAllowedHosts('0.0.0.0', 8787).map((h) => h.host)).toEqual(expect.arrayContaining(['localhost', '127.0.0.1']));
    expect(defaultAllowedHosts('0.0.0.0', 8787).map((h) => h.host)).not.toContain('0.0.0.0');
  });
});

describe('hostCheck middleware', () => {
  it('answers 421 before any route runs', async () => {
    let ran = 0;
    const app = new Hono();
    app.use('*', hostCheck(() => defaultAllowedHosts('127.0.0.1', 8787)));
    app.get('/x', (c) => {
      ran++;
      return c.text('ok');
    });
    const evil = await app.request('http://evil.example:8787/x', { headers: { Host: 'evil.example:8787' } });
    expect(evil.status).toBe(421);
    expect(((await evil.json()) as { error: string }).error).toMatch(/HTTP_ALLOWED_HOSTS/);
    expect(ran).toBe(0);
    const ok = await app.request('http://127.0.0.1:8787/x', { headers: { Host: '127.0.0.1:8787' } });
    expect(ok.status).toBe(200);
  });
});
