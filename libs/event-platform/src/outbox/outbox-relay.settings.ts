import { BackoffPolicy } from '../common/backoff';

export interface OutboxRelaySettings {
  /** Poll period while documents are pending; `nudge()` wakes the relay earlier. */
  pollIntervalMs: number;
  /**
   * The safety poll: after polls that found nothing the wait doubles from `pollIntervalMs`
   * up to this. Writes through `EventOutbox` wake the relay at once; this bounds how late a
   * document is published that no wake-up announced (written by another replica or process).
   */
  idlePollMaxMs: number;
  /** Documents read per collection and poll. */
  batchSize: number;
  /** Entries of one document sent in one Kafka request (older ones first). */
  maxEntriesPerSend: number;
  /** Lease lifetime; another replica takes over this long after a crash. */
  leaseTtlMs: number;
  /** How often a replica without the lease tries to get it. */
  leaseRetryMs: number;
  /** Wait after failed publishes (Kafka down): capped exponential. */
  backoff: BackoffPolicy;
}

export const DEFAULT_RELAY_SETTINGS: OutboxRelaySettings = {
  pollIntervalMs: 200,
  idlePollMaxMs: 30000,
  batchSize: 50,
  maxEntriesPerSend: 100,
  leaseTtlMs: 15000,
  leaseRetryMs: 2000,
  backoff: { initialMs: 500, maxMs: 15000 },
};

/** What the relay has seen, for /metrics and health. */
export interface OutboxRelayMetrics {
  /** This replica holds the relay lease. */
  isLeader: boolean;
  /** Pending documents the leader's last poll saw (at most a batch per collection; null before). */
  pendingDocuments: number | null;
  /** Age of the oldest pending entry among them; null when nothing was pending. */
  oldestPendingAgeMs: number | null;
  publishedTotal: number;
  failedAttemptsTotal: number;
  consecutiveFailures: number;
  lastError: string | null;
  lastPublishedAt: Date | null;
  /** Reads of an outbox collection for pending documents (one database command each). */
  pollsTotal: number;
  /** When the relay polls next unless a write wakes it first; null while it works. */
  nextPollAt: Date | null;
  /**
   * Published documents whose lock a writer held when the relay locked its batch: their
   * entries were removed one by one, after the writer (see OutboxDocumentPublisher).
   */
  removalLocksBusyTotal: number;
  /** Documents read again because a writer changed them between the poll and the removal. */
  removalRereadsTotal: number;
  /** Documents whose published entries could not be removed: they are published again. */
  unremovedTotal: number;
}
