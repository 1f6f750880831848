import { describe, expect, it } from 'vitest';
import { redactUrlsInText, urlForLog } from './redact-url';

describe('urlForLog', () => {
  it('drops the query, the fragment and user info, and marks a dropped query', () => {
    expect(urlForLog('https://feeds.example.rs/rss?key=s3cret&x=1#top')).toBe('https://feeds.example.rs/rss?…');
    expect(urlForLog('http://user:pass@127.0.0.1:8080/feed.xml')).toBe('http://127.0.0.1:8080/feed.xml');
    expect(urlForLog('https://n1info.rs/feed/')).toBe('https://n1info.rs/feed/');
  });

  it('cuts a string that is not a URL at its first ? or #', () => {
    expect(urlForLog('not a url?token=abc')).toBe('not a url?…');
    expect(urlForLog('feed.xml#x')).toBe('feed.xml');
    expect(urlForLog('./feeds/local.xml')).toBe('./feeds/local.xml');
  });
});

describe('redactUrlsInText', () => {
  it('redacts every http(s) URL in a message and leaves the rest', () => {
    expect(redactUrlsInText('GET https://a.example/rss?api_key=1 failed; redirected to http://b.example/x?t=2 (HTTP 500)')).toBe(
      'GET https://a.example/rss?… failed; redirected to http://b.example/x?… (HTTP 500)',
    );
    expect(redactUrlsInText('<https://a.example/?k=v> and "http://c.example/?z"')).toBe('<https://a.example/?…> and "http://c.example/?…"');
    expect(redactUrlsInText('HTTP 500 (http://a.example/rss?key=1), then https://b.example/x.')).toBe('HTTP 500 (http://a.example/rss?…), then https://b.example/x.');
  });
});
