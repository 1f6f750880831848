import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, loadConfig, redact, secretValues } from './config';

/** The ConfigError that loading `env` throws. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect({ ...loadConfig({}) }).toEqual({
      dataDir: resolve('./data'),
      pollCron: '*/10 * * * *',
      alertBacklogHours: 24,
      alertMinScore: null,
      feedsFile: null,
      httpHost: '127.0.0.1',
      httpPort: 8787,
      fetchTimeoutMs: 20_000,
      fetchConcurrency: 4,
      feedMaxBytes: 5 * 1024 * 1024,
      articleWaitMs: 30_000,
      articleHostBudget: 200,
      feedMaxItems: 500,
      feedMaxAlerts: 20,
      feedSlowMs: 10_000,
      feedLeaseMs: 600_000,
      feedMinRefetchMs: 300_000,
      deliveryClaimMs: 120_000,
      logLevel: 'info',
    });
    expect(DEFAULTS.pollCron).toBe('*/10 * * * *');
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ FEEDS_FILE: '', HTTP_PORT: '  ', ALERT_MIN_SCORE: '' })).toMatchObject({
      feedsFile: null,
      httpPort: 8787,
      alertMinScore: null,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATA_DIR: '/var/lib/nadzor',
      POLL_CRON: '*/30 * * * * *',
      ALERT_BACKLOG_HOURS: '6.5',
      ALERT_MIN_SCORE: '0.7',
      FEEDS_FILE: 'feeds.yaml',
      HTTP_HOST: '0.0.0.0',
      HTTP_PORT: '0',
      FETCH_TIMEOUT_MS: '5000',
      FETCH_CONCURRENCY: '8',
      FEED_MAX_BYTES: '1048576',
      ARTICLE_WAIT_MS: '0',
      ARTICLE_HOST_BUDGET: '50',
      FEED_MAX_ITEMS: '200',
      FEED_MAX_ALERTS: '3',
      FEED_SLOW_MS: '5000',
      LOG_LEVEL: 'DEBUG',
    });
    expect({ ...config }).toEqual({
      dataDir: '/var/lib/nadzor',
      pollCron: '*/30 * * * * *',
      alertBacklogHours: 6.5,
      alertMinScore: 0.7,
      feedsFile: 'feeds.yaml',
      httpHost: '0.0.0.0',
      httpPort: 0,
      fetchTimeoutMs: 5000,
      fetchConcurrency: 8,
      feedMaxBytes: 1048576,
      articleWaitMs: 0,
      articleHostBudget: 50,
      feedMaxItems: 200,
      feedMaxAlerts: 3,
      feedSlowMs: 5000,
      feedLeaseMs: 600_000,
      feedMinRefetchMs: 300_000,
      deliveryClaimMs: 120_000,
      logLevel: 'debug',
    });
  });

  it('accepts the score bounds 0 and 1', () => {
    expect(loadConfig({ ALERT_MIN_SCORE: '0' }).alertMinScore).toBe(0);
    expect(loadConfig({ ALERT_MIN_SCORE: '1' }).alertMinScore).toBe(1);
  });

  it('lists every bad variable by name, with what is expected', () => {
    const err = configError({
      POLL_CRON: 'every ten minutes',
      ALERT_BACKLOG_HOURS: '-1',
      ALERT_MIN_SCORE: '1.5',
      ARTICLE_WAIT_MS: 'soon',
      HTTP_PORT: '80.5',
      FETCH_TIMEOUT_MS: 'soon',
      FETCH_CONCURRENCY: '0',
      FEED_MAX_BYTES: '12',
      LOG_LEVEL: 'verbose',
      HTTP_HOST: 'http://localhost',
    });
    expect(err.problems.map((p) => p.variable).sort()).toEqual(
      ['ALERT_BACKLOG_HOURS', 'ALERT_MIN_SCORE', 'ARTICLE_WAIT_MS', 'FEED_MAX_BYTES', 'FETCH_CONCURRENCY', 'FETCH_TIMEOUT_MS', 'HTTP_HOST', 'HTTP_PORT', 'LOG_LEVEL', 'POLL_CRON'],
    );
    expect(err.message).toContain('POLL_CRON: must be a cron expression with 5 fields (or 6, seconds first), got "every ten minutes"');
    expect(err.message).toContain('ALERT_MIN_SCORE: must be a number between 0 and 1, got "1.5"');
    expect(err.message).toContain('HTTP_PORT: must be an integer between 0 and 65535, got "80.5"');
    expect(err.message).toContain('ALERT_BACKLOG_HOURS: must be a number >= 0, got "-1"');
    expect(err.message).toContain('LOG_LEVEL: must be one of debug, info, warn, error, got "verbose"');
  });

  it('rejects cron expressions with the wrong number of fields or out-of-range values', () => {
    expect(configError({ POLL_CRON: '* * * * * * *' }).problems[0].variable).toBe('POLL_CRON');
    expect(configError({ POLL_CRON: '61 * * * *' }).problems[0].variable).toBe('POLL_CRON');
  });
});

describe('secrets', () => {
  const env = {
    DISCORD_TOKEN: 'discord-token-abcdef',
    TELEGRAM_BOT_TOKEN: '123456:ABC-def/ghi',
    API_TOKEN: 'api-secret-1',
    DISCORD_WEBHOOK_URL: 'https://discord.com/api/webhooks/1/xyz-token',
    SHORT_TOKEN: 'on',
    HTTP_PORT: '8787',
    LOG_LEVEL: 'info',
  };

  it('collects the values of token, secret and webhook variables only', () => {
    expect(secretValues(env).sort()).toEqual(
      ['123456:ABC-def/ghi', 'api-secret-1', 'discord-token-abcdef', 'https://discord.com/api/webhooks/1/xyz-token'].sort(),
    );
  });

  it('redacts them from any text, also URL-encoded', () => {
    const config = loadConfig(env);
    const line = 'POST https://api.telegram.org/bot123456%3AABC-def%2Fghi/sendMessage failed; token=api-secret-1; discord-token-abcdef';
    expect(redact(line, config)).toBe('POST https://api.telegram.org/bot***/sendMessage failed; token=***; ***');
    expect(redact('webhook https://discord.com/api/webhooks/1/xyz-token down', secretValues(env))).toBe('webhook *** down');
    expect(redact('port 8787, level info, on', config)).toBe('port 8787, level info, on');
  });

  it('keeps them out of the config when it is logged or serialised', () => {
    const config = loadConfig(env);
    expect(config.secrets.length).toBe(4);
    expect(JSON.stringify(config)).not.toContain('discord-token-abcdef');
    expect(Object.keys(config)).not.toContain('secrets');
  });
});
