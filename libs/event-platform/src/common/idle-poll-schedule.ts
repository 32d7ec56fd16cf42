/**
 * How long a poller waits between polls: the active interval while there is work, doubling
 * after each poll that found nothing up to the slow safety poll. Writes in the same process
 * wake the poller directly (and call `busy()`), so the safety poll only has to catch what no
 * wake-up announces — a document written by another replica or process, a claim that ran
 * out, a retry that came due — and an idle stack costs a few database commands a minute
 * instead of several a second.
 */
export class IdlePollSchedule {
  private quietPolls = 0;

  constructor(
    private readonly activeMs: number,
    private readonly idleMaxMs: number,
  ) {
    if (!(activeMs > 0) || !(idleMaxMs >= activeMs)) {
      throw new Error(
        `poll intervals must satisfy 0 < active (${activeMs}) ≤ idle maximum (${idleMaxMs})`,
      );
    }
  }

  /** Work was seen or announced: poll at the active interval again. */
  busy(): number {
    this.quietPolls = 0;
    return this.activeMs;
  }

  /** A poll found nothing: the wait before the next one (active, 2×, 4×, … up to the maximum). */
  quiet(): number {
    const delay = Math.min(this.idleMaxMs, this.activeMs * 2 ** this.quietPolls);
    if (delay < this.idleMaxMs) this.quietPolls++;
    return delay;
  }
}
