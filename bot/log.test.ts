import { describe, expect, it } from 'vitest';
import { createLogger, logLine, withSecrets } from './log';

const collect = () => {
  const lines: string[] = [];
  return { lines, log: createLogger({ write: (l) => lines.push(l), timestamps: false, level: 'debug', secrets: ['s3cret-token-123'] }) };
};

describe('the logger', () => {
  it('writes one leveled line with the details folded in', () => {
    const { lines, log } = collect();
    log.warn('feed failed', { feed: 'N1', attempts: 2, error: new Error('HTTP 500') });
    expect(lines).toEqual(['WARN  feed failed feed=N1 attempts=2 error="HTTP 500"']);
  });

  it('respects the level', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), timestamps: false, level: 'warn' });
    log.info('quiet');
    log.error('loud');
    expect(lines).toEqual(['ERROR loud']);
  });

  it('redacts secrets, also URL-encoded, and the query string of every URL', () => {
    const { lines, log } = collect();
    log.error('POST https://discord.example/api/webhooks/1/s3cret-token-123?wait=true failed');
    log.info(`fetching https://feeds.example.rs/rss?key=abc&x=${encodeURIComponent('s3cret-token-123')}`);
    expect(lines[0]).toBe('ERROR POST https://discord.example/api/webhooks/1/***?… failed');
    expect(lines[1]).toBe('INFO  fetching https://feeds.example.rs/rss?…');
  });

  it('strips escape sequences and control characters that a feed put into a message', () => {
    const { lines, log } = collect();
    log.warn(`not a feed: root element <\x1b]0;owned\x07rss\x1b[31m>`, { reason: 'HTTP 500 \x1b[5mBlink\x9b0m' });
    expect(lines[0]).toBe('WARN  not a feed: root element <rss> reason="HTTP 500 Blink"');
    expect(lines.join('')).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });

  it('lets no message forge a line of its own: continuation lines are indented', () => {
    const { lines, log } = collect();
    log.info('title: Kamere\nERROR  admin token leaked\r\nx');
    expect(lines[0]).toBe('INFO  title: Kamere\n    ERROR  admin token leaked\n    x');
  });

  it('marks lines with a prefix when asked', () => {
    const lines: string[] = [];
    createLogger({ write: (l) => lines.push(l), timestamps: false, prefix: '[api]' }).info('up');
    expect(lines).toEqual(['INFO  [api] up']);
  });
});

describe('withSecrets', () => {
  it('hides more secrets and cleans lines before any inner logger sees them', () => {
    const seen: string[] = [];
    const inner = { debug: (m: string) => seen.push(m), info: (m: string) => seen.push(m), warn: (m: string) => seen.push(m), error: (m: string) => seen.push(m) };
    const log = withSecrets(inner, ['webhook-token-xyz']);
    log.warn('delivery failed', { error: new Error('POST /webhooks/1/webhook-token-xyz \x1b[31mfailed') });
    expect(seen).toEqual(['delivery failed error="POST /webhooks/1/*** failed"']);
  });

  it('logLine folds details, skipping undefined', () => {
    expect(logLine('x')).toBe('x');
    expect(logLine('x', { list: [1, 2], none: undefined, empty: '' })).toBe('x list=[1,2] empty=""');
  });
});
