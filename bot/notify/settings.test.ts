import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { parseWebhookUrl, resolveNotifySettings } from './settings';

const HOOK = 'https://discord.com/api/webhooks/1111111111111111111/secret-webhook-token';
const TG = '123456:AAFAKEtokenFORtestsONLYxxxxxxxxxxxx';

function problems(env: Record<string, string>): ConfigError['problems'] {
  try {
    resolveNotifySettings(loadConfig(env).notify);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('notify settings', () => {
  it('has only the console and Serbian Latin by default', () => {
    expect(resolveNotifySettings(loadConfig({}).notify)).toEqual({
      language: 'sr-Latn',
      discord: null,
      telegram: null,
      digest: { dailyCron: '0 8 * * *', weeklyCron: '0 8 * * 1', timezone: 'Europe/Belgrade' },
    });
  });

  it('reads a webhook, a bot with its channel, Telegram and the overrides', () => {
    expect(resolveNotifySettings(loadConfig({ DISCORD_WEBHOOK_URL: HOOK, ALERT_LANGUAGE: 'sr-Cyrl' }).notify)).toMatchObject({
      language: 'sr-Cyrl',
      discord: { webhook: { id: '1111111111111111111', token: 'secret-webhook-token' }, botToken: null, channelId: null, apiUrl: 'https://discord.com/api' },
    });
    const s = resolveNotifySettings(
      loadConfig({
        DISCORD_TOKEN: 'x'.repeat(30),
        DISCORD_CHANNEL_ID: '1234567890123456789',
        DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
        TELEGRAM_BOT_TOKEN: TG,
        TELEGRAM_CHAT_ID: '@nadzor_kanal',
        TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      }).notify,
    );
    expect(s.discord).toMatchObject({ webhook: null, channelId: '1234567890123456789', apiUrl: 'http://127.0.0.1:9999/api' });
    expect(s.telegram).toEqual({ botToken: TG, chatId: '@nadzor_kanal', apiRoot: 'http://127.0.0.1:8081' });
  });

  it('stops start-up on a malformed webhook URL without printing it', () => {
    const p = problems({ DISCORD_WEBHOOK_URL: 'https://evil.example/api/webhooks/1/secret-value' });
    expect(p).toEqual([{ variable: 'DISCORD_WEBHOOK_URL', message: expect.stringContaining('must be a Discord webhook URL') }]);
    expect(JSON.stringify(p)).not.toContain('secret-value');
    expect(parseWebhookUrl('http://discord.com/api/webhooks/1111111111111111111/t')).toBeNull();
    expect(parseWebhookUrl('https://discord.com/api/v10/webhooks/1111111111111111111/t-_1')).toEqual({ id: '1111111111111111111', token: 't-_1' });
  });

  it('names every missing or conflicting piece', () => {
    expect(problems({ TELEGRAM_BOT_TOKEN: TG }).map((x) => x.variable)).toEqual(['TELEGRAM_CHAT_ID']);
    expect(problems({ TELEGRAM_CHAT_ID: '-100123' }).map((x) => x.variable)).toEqual(['TELEGRAM_BOT_TOKEN']);
    expect(problems({ TELEGRAM_BOT_TOKEN: 'nope', TELEGRAM_CHAT_ID: 'chat' }).map((x) => x.variable)).toEqual(['TELEGRAM_BOT_TOKEN', 'TELEGRAM_CHAT_ID']);
    expect(problems({ DISCORD_TOKEN: 'x'.repeat(30) })[0].message).toContain('DISCORD_TOKEN needs the channel');
    expect(problems({ DISCORD_CHANNEL_ID: '1234567890123456789' }).map((x) => x.variable)).toEqual(['DISCORD_CHANNEL_ID']);
    expect(problems({ DISCORD_WEBHOOK_URL: HOOK, DISCORD_TOKEN: 'x'.repeat(30), DISCORD_CHANNEL_ID: '1234567890123456789' })[0].message).toContain('both set');
    expect(problems({ DISCORD_WEBHOOK_URL: HOOK, DISCORD_API_URL: 'ftp://x' }).map((x) => x.variable)).toEqual(['DISCORD_API_URL']);
  });

  it('checks language, digest schedules and time zone when the config loads', () => {
    expect(() => loadConfig({ ALERT_LANGUAGE: 'de' })).toThrow(/ALERT_LANGUAGE: must be sr-Latn, sr-Cyrl or en/);
    expect(() => loadConfig({ DIGEST_DAILY_CRON: 'daily' })).toThrow(/DIGEST_DAILY_CRON/);
    expect(() => loadConfig({ DIGEST_TIMEZONE: 'Mars/Olympus' })).toThrow(/DIGEST_TIMEZONE/);
  });

  it('keeps tokens out of the config when printed or serialised', () => {
    const config = loadConfig({ DISCORD_TOKEN: 'discord-token-abcdefghijkl', TELEGRAM_BOT_TOKEN: TG });
    expect(JSON.stringify(config)).not.toContain('discord-token');
    expect(JSON.stringify(config.notify)).not.toContain('discord-token');
    expect(JSON.stringify(config.notify)).not.toContain(TG);
    expect(inspect(config.notify)).not.toContain('discord-token');
    expect(config.notify.discordToken).toBe('discord-token-abcdefghijkl');
  });
});

describe('logging', () => {
  it('folds details into the line and redacts secrets, also inside error objects', async () => {
    const { withSecrets, logLine } = await import('../log');
    const lines: string[] = [];
    const log = withSecrets({ debug: () => {}, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) }, ['s3cret-token']);
    log.warn('delivery failed', { target: 'discord', error: new Error('POST /webhooks/1/s3cret-token failed'), attempts: 2 });
    expect(lines).toEqual(['delivery failed target=discord error="POST /webhooks/1/*** failed" attempts=2']);
    expect(logLine('x')).toBe('x');
    expect(logLine('x', { list: [1, 2], none: undefined, empty: '' })).toBe('x list=[1,2] empty=""');
  });
});
