import { alertView } from '../format/alert-view';
import { digestDoc } from '../format/digest-doc';
import { plainLine, type Doc } from '../format/rich';
import { summaryDoc } from '../format/summary-doc';
import type { AlertMessage, AlertSummary, DigestMessage, Notifier, SendOptions, SendResult } from '../types';

export interface ConsoleNotifierOptions {
  /** Where to print. Default process.stdout. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Force colour on or off; default: only on a TTY and only when NO_COLOR is unset. */
  color?: boolean;
  /** For the NO_COLOR check; default process.env. */
  env?: Record<string, string | undefined>;
}

const STYLE = { bold: '\u001b[1m', dim: '\u001b[2m', cyan: '\u001b[36m', yellow: '\u001b[33m', reset: '\u001b[0m' };

/**
 * The console target: every alert as a few plain-text lines on stdout, for operators and for
 * running without any chat configured. Feed text reaches it already stripped of escape
 * sequences and control characters (format/clean.ts), so a hostile title cannot drive the
 * terminal; colour is our own and only on a TTY without NO_COLOR (https://no-color.org).
 */
export function createConsoleNotifier(options: ConsoleNotifierOptions = {}): Notifier {
  const stream = options.stream ?? process.stdout;
  const env = options.env ?? process.env;
  const color = options.color ?? (stream.isTTY === true && !env.NO_COLOR);
  const paint = (style: keyof typeof STYLE, text: string) => (color ? `${STYLE[style]}${text}${STYLE.reset}` : text);

  const write = async (lines: string[], pace?: () => Promise<void>): Promise<SendResult> => {
    await pace?.();
    stream.write(lines.join('\n') + '\n');
    return { remoteId: null };
  };
  const docLines = (doc: Doc) => doc.map(plainLine);

  return {
    name: 'console',
    limits: [],
    idempotent: false,

    async send(message: AlertMessage, opts: SendOptions = {}) {
      const v = alertView(message);
      const lines = [`${paint(message.kind === 'new' ? 'yellow' : 'cyan', `[${v.label}]`)} ${paint('bold', v.title)}`];
      for (const m of v.milestones) lines.push(`  ${m}`);
      lines.push(`  ${v.outlet} (${v.scopeLabel}) · ${v.date}`);
      if (message.kind === 'new' && v.lead) lines.push(`  ${v.lead}`);
      if (v.tags.length) lines.push(`  ${v.topicsLabel}: ${v.tags.join(' ')}`);
      lines.push(`  ${v.whyLabel}: ${[...v.why, ...v.whyRest].join('; ') || '—'} (${v.score})`);
      if (v.also) lines.push(`  ${v.also}`);
      lines.push(`  ${paint('dim', v.url ?? '—')}`);
      return write(lines, opts.pace);
    },

    async sendSummary(summary: AlertSummary, opts: SendOptions = {}) {
      return write(docLines(summaryDoc(summary)), opts.pace);
    },

    async sendDigest(digest: DigestMessage, opts: SendOptions = {}) {
      return write(docLines(digestDoc(digest)), opts.pace);
    },
  };
}
