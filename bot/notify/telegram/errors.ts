import { GrammyError, HttpError } from 'grammy';
import { DeliveryError, kindForStatus } from '../errors';

/** Any failure of a Bot API call, classified for the worker. grammY's messages carry no token. */
export function telegramError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof GrammyError) {
    const text = `Telegram ${err.error_code}: ${err.description}`;
    if (err.error_code === 429) {
      const seconds = err.parameters.retry_after ?? 1;
      return new DeliveryError('rate-limited', text, { status: 429, retryAfterMs: seconds * 1000 });
    }
    // "chat not found" and a group upgraded to a supergroup are about the destination, not the message.
    const kind =
      err.error_code === 400 && /chat not found|group chat was upgraded|bot was kicked|not enough rights/i.test(err.description)
        ? 'unavailable'
        : kindForStatus(err.error_code);
    return new DeliveryError(kind, text, { status: err.error_code });
  }
  if (err instanceof HttpError) return new DeliveryError('transient', err.message);
  return new DeliveryError('transient', `Telegram request failed: ${err instanceof Error ? err.message : String(err)}`);
}

/** An edit that changed nothing is a success for us (the message already says it). */
export function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message is not modified/i.test(err.description);
}

/** The message to edit is gone or can no longer be edited: send a new one instead. */
export function isUneditable(err: unknown): boolean {
  return (
    err instanceof GrammyError &&
    err.error_code === 400 &&
    /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i.test(err.description)
  );
}
