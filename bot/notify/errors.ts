/**
 * How a delivery failed, which decides what the worker does next:
 * - rate-limited: the destination said 429; wait `retryAfterMs` (its own number) and retry.
 * - transient: network error, timeout or 5xx; retry with backoff.
 * - unavailable: the destination refuses us as a whole (bad token, deleted webhook or channel,
 *   bot removed from the chat); retry rarely and log loudly, because an operator can fix it and
 *   dropping the queue would lose alerts.
 * - rejected: this one message was refused (400); retrying the same payload cannot help.
 */
export type DeliveryErrorKind = 'rate-limited' | 'transient' | 'unavailable' | 'rejected';

/** A failed delivery, classified. Messages never contain tokens (the notifiers redact). */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  readonly kind: DeliveryErrorKind;
  /** For 'rate-limited': how long the destination asked us to wait. */
  readonly retryAfterMs: number | null;
  /** HTTP status, when there was a response. */
  readonly status: number | null;
  /** For 'rate-limited': the limit covers every channel of the destination (Discord global). */
  readonly global: boolean;

  constructor(
    kind: DeliveryErrorKind,
    message: string,
    options: { retryAfterMs?: number | null; status?: number | null; global?: boolean } = {},
  ) {
    super(message);
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.status = options.status ?? null;
    this.global = options.global ?? false;
  }
}

/** Any thrown value as a DeliveryError; unknown failures count as transient (retry). */
export function asDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  return new DeliveryError('transient', err instanceof Error ? err.message : String(err));
}

/** The usual reading of an HTTP status for delivery (429 is handled by each platform). */
export function kindForStatus(status: number): DeliveryErrorKind {
  if (status === 429) return 'rate-limited';
  if (status >= 500 || status === 408) return 'transient';
  if (status === 401 || status === 403 || status === 404) return 'unavailable';
  return 'rejected';
}
