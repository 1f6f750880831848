/**
 * The one logger of the bot (monitor, API, delivery, digests, commands, CLI tools).
 *
 * Every line is made safe before it is written:
 * - secrets from the environment (tokens, webhook URLs) are replaced by "***" (`redact`),
 * - every URL loses its query string, fragment and user info (`redactUrlsInText`: a feed URL
 *   may carry a key),
 * - control characters and escape sequences are stripped (`stripControls`: feed text reaches
 *   log lines through titles, element names, error bodies and HTTP reason phrases), and a
 *   line break inside a message is kept only as an indented continuation line, so no message
 *   can forge a line of its own.
 */
import type { LogLevel } from './config';
import { redact } from './config';
import { redactUrlsInText } from './redact-url';
import { stripControls } from './terminal-text';

/** Details folded into the line as `key=value`. */
export type LogData = Record<string, unknown>;

/** A leveled logger: a message plus optional details. */
export interface Logger {
  debug(message: string, data?: LogData): void;
  info(message: string, data?: LogData): void;
  warn(message: string, data?: LogData): void;
  error(message: string, data?: LogData): void;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LoggerOptions {
  level?: LogLevel;
  secrets?: readonly string[];
  /** Where lines go; default process.stderr (stdout is for alerts and command output). */
  write?: (line: string) => void;
  /** Timestamps on each line; default on. */
  timestamps?: boolean;
  /** Put after the level on every line, such as "[api]". */
  prefix?: string;
}

/** One detail as `key=value`; strings with spaces, quotes or "=" are JSON-quoted. */
function detail(key: string, value: unknown): string {
  // Error objects are reduced to their message: their other fields (discord.js keeps the
  // request URL there, which for a webhook holds its token) would otherwise be printed whole.
  if (value instanceof Error) value = value.message;
  // Stripped before quoting: JSON would turn an ESC into a visible "\u001b" that says nothing.
  if (typeof value === 'string') value = stripControls(value);
  if (typeof value === 'string') return `${key}=${/[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value}`;
  if (value === undefined) return '';
  return `${key}=${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`;
}

/** "message key=value key=value": the message with its details, on one line. */
export function logLine(message: string, data?: LogData): string {
  if (!data) return message;
  const parts = Object.entries(data).map(([k, v]) => detail(k, v)).filter(Boolean);
  return parts.length ? `${message} ${parts.join(' ')}` : message;
}

/**
 * A line as it may be written: details folded in, secrets and URL queries redacted, controls
 * stripped, continuation lines (a stack trace) indented.
 */
export function safeLogLine(message: string, data: LogData | undefined, secrets: readonly string[]): string {
  const line = stripControls(redactUrlsInText(redact(logLine(message, data), secrets)), { keepNewlines: true });
  return line.replace(/\n/g, '\n    ');
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? 'info'];
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const stamp = options.timestamps ?? true;
  const prefix = options.prefix ? ` ${options.prefix}` : '';
  const at = (level: LogLevel) => (message: string, data?: LogData) => {
    if (ORDER[level] < min) return;
    write(`${stamp ? new Date().toISOString() + ' ' : ''}${level.toUpperCase().padEnd(5)}${prefix} ${safeLogLine(message, data, secrets)}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * `inner` with more secrets to hide (the notify layer adds the parts of a webhook URL):
 * details are folded and every line made safe here, so even a collecting test logger or
 * another logger that knows fewer secrets gets clean lines.
 */
export function withSecrets(inner: Logger, secrets: readonly string[]): Logger {
  const at = (level: LogLevel) => (message: string, data?: LogData) => inner[level](safeLogLine(message, data, secrets));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The default where a part is given no logger: stderr, level info. */
export const stderrLogger: Logger = createLogger();

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
