import type { LogLevel } from './config';
import { redact } from './config';

/** A leveled logger; every line passes through `redact`, so tokens never reach a log. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LoggerOptions {
  level?: LogLevel;
  secrets?: readonly string[];
  /** Where lines go; default process.stderr (stdout is for alerts and command output). */
  write?: (line: string) => void;
  /** Timestamps on each line; default on. */
  timestamps?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? 'info'];
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const stamp = options.timestamps ?? true;
  const at = (level: LogLevel) => (message: string) => {
    if (ORDER[level] < min) return;
    const prefix = `${stamp ? new Date().toISOString() + ' ' : ''}${level.toUpperCase().padEnd(5)}`;
    write(`${prefix} ${redact(message, secrets)}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
