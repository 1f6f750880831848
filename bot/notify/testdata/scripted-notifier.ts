import { DeliveryError, type DeliveryErrorKind } from '../errors';
import type { AlertMessage, AlertSummary, DigestMessage, Notifier, RateWindow, SendOptions, SendResult } from '../types';

/** A call the scripted notifier received, with the clock time it was paced to. */
export type ScriptedCall =
  | { kind: 'send'; message: AlertMessage; nonce?: string; at: number }
  | { kind: 'summary'; summary: AlertSummary; nonce?: string; at: number }
  | { kind: 'digest'; digest: DigestMessage; nonce?: string; at: number };

/**
 * An in-memory Notifier for worker tests: records every call and fails the next ones as told.
 * Not a fake of any platform: the contract test covers the real ones.
 */
export function scriptedNotifier(name: string, options: { limits?: RateWindow[]; idempotent?: boolean; now: () => number }) {
  const calls: ScriptedCall[] = [];
  const failures: Array<{ kind: DeliveryErrorKind; retryAfterMs?: number; afterSend?: boolean }> = [];
  let nextId = 100;

  async function run(call: ScriptedCall, pace?: () => Promise<void>): Promise<SendResult> {
    await pace?.();
    call.at = options.now();
    const failure = failures.shift();
    if (failure && !failure.afterSend) throw new DeliveryError(failure.kind, `scripted ${failure.kind}`, { retryAfterMs: failure.retryAfterMs });
    calls.push(call);
    if (failure) throw new DeliveryError(failure.kind, `scripted ${failure.kind} after delivery`);
    return { remoteId: `m${nextId++}` };
  }

  const notifier: Notifier = {
    name,
    limits: options.limits ?? [],
    idempotent: options.idempotent ?? false,
    send: (message: AlertMessage, o: SendOptions = {}) => run({ kind: 'send', message, nonce: o.nonce, at: 0 }, o.pace),
    sendSummary: (summary: AlertSummary, o: SendOptions = {}) => run({ kind: 'summary', summary, nonce: o.nonce, at: 0 }, o.pace),
    sendDigest: (digest: DigestMessage, o: SendOptions = {}) => run({ kind: 'digest', digest, nonce: o.nonce, at: 0 }, o.pace),
  };
  return {
    notifier,
    calls,
    /** The next call fails with this kind (`afterSend`: it is delivered, then the answer is lost). */
    failNext(kind: DeliveryErrorKind, extra: { retryAfterMs?: number; afterSend?: boolean } = {}) {
      failures.push({ kind, ...extra });
    },
    /** Alert ids delivered, singles and summaries, in order. */
    deliveredIds(): number[] {
      return calls.flatMap((c) => (c.kind === 'send' ? [c.message.alertId] : c.kind === 'summary' ? c.summary.alerts.map((a) => a.alertId) : []));
    },
  };
}
