import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../bot/config';

describe('API settings in loadConfig', () => {
  it('leaves writes disabled and CORS open to any extension by default', () => {
    const config = loadConfig({});
    expect(config.apiToken).toBeNull();
    expect(config.extensionOrigins).toBeUndefined();
    expect(config.orgsFile).toBeUndefined();
  });

  it('reads API_TOKEN without ever exposing it', () => {
    const config = loadConfig({ API_TOKEN: '  s3cret-token-value-42 ' });
    expect(config.apiToken).toBe('s3cret-token-value-42');
    expect(Object.keys(config)).not.toContain('apiToken');
    expect(JSON.stringify(config)).not.toContain('s3cret');
    expect(config.secrets).toContain('s3cret-token-value-42');
  });

  it('refuses a short token without echoing it', () => {
    let err: ConfigError | undefined;
    try {
      loadConfig({ API_TOKEN: 'short1' });
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.problems.map((p) => p.variable)).toEqual(['API_TOKEN']);
    expect(err!.message).not.toContain('short1');
  });

  it('refuses a token with characters a bearer token cannot carry (RFC 6750)', () => {
    expect(() => loadConfig({ API_TOKEN: 'token-with-"quote"-and,comma' })).toThrow(/API_TOKEN/);
    expect(loadConfig({ API_TOKEN: 'abc.DEF_123~+/xyz==' }).apiToken).toBe('abc.DEF_123~+/xyz==');
  });

  it('reads HTTP_ALLOWED_HOSTS and refuses a malformed one', () => {
    expect(loadConfig({}).allowedHosts).toBeUndefined();
    expect(loadConfig({ HTTP_ALLOWED_HOSTS: 'localhost:8787, nadzor.lan ,[::1]:8787' }).allowedHosts).toEqual([
      { host: 'localhost', port: 8787 },
      { host: 'nadzor.lan', port: null },
      { host: '::1', port: 8787 },
    ]);
    expect(() => loadConfig({ HTTP_ALLOWED_HOSTS: 'http://nadzor.lan/' })).toThrow(/HTTP_ALLOWED_HOSTS/);
  });

  it('reads ORGS_FILE and a pinned list of extension origins', () => {
    const config = loadConfig({
      ORGS_FILE: 'orgs.yaml',
      EXTENSION_ORIGINS: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop, moz-extension://0d3c1a52-5b47-4b2e-9f1e-2a7a4b0f6c11',
    });
    expect(config.orgsFile).toBe('orgs.yaml');
    expect(config.extensionOrigins).toEqual(['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0d3c1a52-5b47-4b2e-9f1e-2a7a4b0f6c11']);
  });

  it('refuses web origins in EXTENSION_ORIGINS', () => {
    expect(() => loadConfig({ EXTENSION_ORIGINS: 'https://example.org' })).toThrow(/EXTENSION_ORIGINS: must be a comma-separated list/);
  });
});
