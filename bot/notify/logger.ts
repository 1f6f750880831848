import { redact } from '../config';
import type { LineLogger, Logger } from './types';

/** Writes lines to stderr (stdout carries the console alerts); the default without a logger. */
export const stderrLogger: LineLogger = {
  debug: () => {},
  info: (m) => console.error(`[info] ${m}`),
  warn: (m) => console.error(`[warn] ${m}`),
  error: (m) => console.error(`[error] ${m}`),
};

/** A logger that logs nothing, for tests. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** One detail as `key=value`; strings with spaces or quotes are JSON-quoted. */
function detail(key: string, value: unknown): string {
  if (value instanceof Error) value = value.message;
  if (typeof value === 'string') return `${key}=${/[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value}`;
  if (value === undefined) return '';
  return `${key}=${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`;
}

/** "message key=value key=value": the message with its details, on one line. */
export function logLine(message: string, data?: Record<string, unknown>): string {
  if (!data) return message;
  const parts = Object.entries(data).map(([k, v]) => detail(k, v)).filter(Boolean);
  return parts.length ? `${message} ${parts.join(' ')}` : message;
}

/**
 * The notify modules' logger over any line logger: details are folded into the line and the
 * whole line passes through `redact`, so no line can carry a secret. Error objects are reduced
 * to their message first, because their other fields (discord.js keeps the request URL there,
 * which for a webhook holds its token) would otherwise be printed whole.
 */
export function redactingLogger(inner: LineLogger, secrets: readonly string[]): Logger {
  const at = (level: keyof LineLogger) => (message: string, data?: Record<string, unknown>) =>
    inner[level](redact(logLine(message, data), secrets));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
