import { BackoffPolicy, backoffDelay } from '../common/backoff';

/** Past this many remembered failures the memory is dropped (they are simply tried again). */
const MAX_REMEMBERED = 10_000;

/**
 * Documents whose last publish failed, skipped until their time comes, so one document
 * Kafka keeps refusing cannot block the rest of the outbox.
 */
export class DocumentRetries {
  private readonly retries = new Map<string, { at: number; failures: number }>();

  constructor(private readonly backoff: BackoffPolicy) {}

  get size(): number {
    return this.retries.size;
  }

  isDue(id: string, now = Date.now()): boolean {
    return (this.retries.get(id)?.at ?? 0) <= now;
  }

  succeeded(id: string): void {
    this.retries.delete(id);
  }

  /**
   * Retries after twice the relay's own wait (others get their turn first) or after the
   * document's growing backoff, whichever is later.
   */
  failed(id: string, relayDelayMs: number, now = Date.now()): void {
    if (this.retries.size > MAX_REMEMBERED) this.retries.clear();
    const failures = (this.retries.get(id)?.failures ?? 0) + 1;
    const delay = Math.max(2 * relayDelayMs, backoffDelay(failures, this.backoff));
    this.retries.set(id, { at: now + delay, failures });
  }
}
