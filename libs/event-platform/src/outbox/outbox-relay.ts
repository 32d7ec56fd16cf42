import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { mongo } from 'mongoose';
import { backoffDelay, errorMessage } from '../common/backoff';
import { IdlePollSchedule } from '../common/idle-poll-schedule';
import { createOrderedProducer } from '../kafka/kafka-client.factory';
import { LazyProducer } from '../kafka/lazy-producer';
import { OutboxDocumentPublisher } from './outbox-document.publisher';
import { OUTBOX_PROJECTION, OutboxDocument } from './outbox-rewrite';
import { DocumentLocks } from '../locking/document-locks';
import { LockDocument, LockStore } from '../locking/lock-store';
import { OUTBOX_PENDING_FILTER } from './outbox-entry';
import { DocumentRetries } from './document-retries';
import { OutboxLegacySweep } from './outbox-legacy-sweep';
import { LEASE_COLLECTION, OutboxLease } from './outbox-lease';
import {
  DEFAULT_RELAY_SETTINGS,
  OutboxRelayMetrics,
  OutboxRelaySettings,
} from './outbox-relay.settings';

export interface OutboxRelayDependencies {
  service: string;
  /** The service's database (resolved lazily: the connection may still be opening). */
  db: () => mongo.Db;
  kafka: Kafka;
  /** The same locks the service takes around its writes of these documents. */
  locks: DocumentLocks;
  settings?: Partial<OutboxRelaySettings>;
  /** Runs before publishing until it succeeds once, e.g. creating the topics. */
  beforePublish?: () => Promise<unknown>;
}

/**
 * Moves events from the outbox arrays of registered collections to Kafka. Runs in every
 * replica, publishes only in the one holding the lease. Nothing is lost while Kafka is
 * down: entries stay, their attempts and last error are recorded, and the relay backs off.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly settings: OutboxRelaySettings;
  private readonly collections = new Set<string>();
  private readonly legacySweep: OutboxLegacySweep;
  private readonly pendingSeen = new Map<string, readonly OutboxDocument[]>();
  private readonly lease: OutboxLease;
  private readonly publisher: OutboxDocumentPublisher;
  private readonly retries: DocumentRetries;
  private readonly producer: LazyProducer;
  private readonly schedule: IdlePollSchedule;
  private loop?: Promise<void>;
  private running = false;
  private wake?: () => void;
  private nudged = false;
  /** What the next pass polls: every collection, or only these (named by `nudge`, or full). */
  private pollAll = true;
  private readonly due = new Set<string>();
  private prepared = false;
  private backoffUntil = 0;
  /** The latest pass held the lease and polled (what `pendingSeen` is as of). */
  private polledLastPass = false;
  private readonly stats: OutboxRelayMetrics = {
    isLeader: false,
    pendingDocuments: null,
    oldestPendingAgeMs: null,
    publishedTotal: 0,
    failedAttemptsTotal: 0,
    consecutiveFailures: 0,
    lastError: null,
    lastPublishedAt: null,
    pollsTotal: 0,
    nextPollAt: null,
    removalLocksBusyTotal: 0,
    removalRereadsTotal: 0,
    unremovedTotal: 0,
  };

  constructor(private readonly deps: OutboxRelayDependencies) {
    this.settings = { ...DEFAULT_RELAY_SETTINGS, ...deps.settings };
    this.lease = new OutboxLease(
      new LockStore(() => deps.db().collection<LockDocument>(LEASE_COLLECTION)),
      deps.service,
      this.settings.leaseTtlMs,
      this.settings.leaseRetryMs,
    );
    this.producer = new LazyProducer(() => createOrderedProducer(deps.kafka));
    this.publisher = new OutboxDocumentPublisher(
      () => this.producer.get(),
      deps.locks,
      this.settings.maxEntriesPerSend,
    );
    this.legacySweep = new OutboxLegacySweep(deps.db, deps.locks);
    this.retries = new DocumentRetries(this.settings.backoff);
    this.schedule = new IdlePollSchedule(
      this.settings.pollIntervalMs,
      Math.max(this.settings.pollIntervalMs, this.settings.idlePollMaxMs),
    );
  }

  /** Adds a collection whose documents carry outbox fields (see `outboxPlugin`). */
  register(collectionName: string): void {
    this.collections.add(collectionName);
    this.nudge();
  }

  get registeredCollections(): string[] {
    return [...this.collections];
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the current document, hands the lease back, closes the producer. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.legacySweep.settle();
    await this.lease.release().catch(() => undefined);
    await this.producer.reset();
    this.stats.isLeader = false;
  }

  /**
   * Call after a write with events: publishes now instead of at the next poll, and polls at
   * the active interval again until the outbox is quiet. Naming the written collection makes
   * the pass it triggers poll only that one (the scheduled polls still cover all of them).
   */
  nudge(collection?: string): void {
    if (collection !== undefined && this.collections.has(collection)) this.due.add(collection);
    else this.pollAll = true;
    this.nudged = true;
    this.schedule.busy();
    this.wake?.();
  }

  metrics(): OutboxRelayMetrics {
    const { locksBusy, reread, unremoved } = this.publisher.stats;
    return {
      ...this.stats,
      removalLocksBusyTotal: locksBusy,
      removalRereadsTotal: reread,
      unremovedTotal: unremoved,
    };
  }

  /**
   * This replica holds the lease and its latest poll of every collection found nothing
   * pending — as of at most `idlePollMaxMs` ago, or the last write in this process.
   */
  sawEmptyOutbox(): boolean {
    if (!this.polledLastPass || this.collections.size === 0) return false;
    return [...this.collections].every((name) => this.pendingSeen.get(name)?.length === 0);
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.nudged = false;
      const targets = this.takeTargets();
      let delay: number;
      try {
        delay = await this.cycle(targets);
      } catch (error) {
        // The database is unreachable or similar: keep the loop alive and try again later.
        delay = this.recordFailure(`relay cycle failed: ${errorMessage(error)}`);
        this.pollAll = true;
      }
      if (this.running && !this.nudged && delay > 0) {
        this.stats.nextPollAt = new Date(Date.now() + delay);
        // A pass the timer starts (not a nudge) polls every collection.
        if (!(await this.idle(delay))) this.pollAll = true;
      }
      this.stats.nextPollAt = null;
    }
  }

  /** The collections this pass polls, in registration order; clears the request. */
  private takeTargets(): string[] {
    const targets = [...this.collections].filter((name) => this.pollAll || this.due.has(name));
    this.pollAll = false;
    this.due.clear();
    return targets;
  }

  /**
   * One pass over `targets`; returns how long to wait before the next: none while a
   * collection had more than a batch (the next pass polls those), the active interval while
   * documents are pending, then longer and longer (see IdlePollSchedule). A pass that
   * returns early (no lease, backoff, failure) leaves the next timed pass to poll everything.
   */
  private async cycle(targets: readonly string[]): Promise<number> {
    if (this.collections.size === 0) return this.schedule.quiet();
    this.stats.isLeader = await this.lease.acquireOrRenew();
    this.polledLastPass = false;
    if (!this.stats.isLeader) return this.lease.nextAttemptInMs();
    const waitMs = this.backoffUntil - Date.now();
    if (waitMs > 0) return waitMs;
    await this.prepare();
    this.legacySweep.start(this.collections, () => this.nudge());
    const full: string[] = [];
    let pending = false;
    for (const name of targets) {
      const outcome = await this.relayCollection(name);
      if (outcome === 'failed') return this.backoffUntil - Date.now();
      if (outcome === 'lease-lost') return this.settings.leaseRetryMs;
      if (outcome === 'full') full.push(name);
      pending ||= outcome !== 'empty';
    }
    this.polledLastPass = true;
    if (full.length > 0) {
      for (const name of full) this.due.add(name);
      return 0;
    }
    if (pending) return this.schedule.busy();
    const delay = this.schedule.quiet();
    await this.releaseWhenSleepingLong(delay);
    return delay;
  }

  /**
   * Hands the lease back before a sleep longer than a third of its lifetime. Another replica's
   * writes wake only that replica's relay, which asks for the lease (at most every
   * `leaseRetryMs`): with the lease released it gets it and publishes them itself, instead of
   * waiting for this idle holder's next poll or for the lease to run out (up to
   * `idlePollMaxMs` / `leaseTtlMs`). The next poll after such a sleep writes the lease anyway
   * (a renewal or an insert), so this costs one delete per long sleep (per safety poll when
   * idle: three commands instead of two).
   */
  private async releaseWhenSleepingLong(delay: number): Promise<void> {
    if (delay <= this.settings.leaseTtlMs / 3 || !this.lease.held) return;
    try {
      await this.lease.release();
      this.stats.isLeader = false;
    } catch (error) {
      this.logger.debug(`releasing the idle lease failed: ${errorMessage(error)}`);
    }
  }

  /**
   * Topic creation before the first publish. A failure is logged, not fatal: the publish
   * attempt that follows fails too while Kafka is away, and that is what gets recorded on
   * the entries (attempts, lastError) for operators to see.
   */
  private async prepare(): Promise<void> {
    if (this.prepared || !this.deps.beforePublish) return;
    try {
      await this.deps.beforePublish();
      this.prepared = true;
    } catch (error) {
      this.logger.warn(`preparing to publish failed: ${errorMessage(error)}`);
    }
  }

  /**
   * Publishes up to `batchSize` pending documents of a collection in one Kafka request and
   * removes their entries.
   */
  private async relayCollection(
    name: string,
  ): Promise<'empty' | 'some' | 'full' | 'failed' | 'lease-lost'> {
    const collection = this.deps.db().collection<OutboxDocument>(name);
    const pending = await this.findPending(collection);
    this.notePending(name, pending);
    if (pending.length === 0) return 'empty';
    const outcome = await this.relayDocuments(name, collection, pending);
    if (outcome !== 'done') return outcome;
    return pending.length >= this.settings.batchSize ? 'full' : 'some';
  }

  /** A batch of pending documents, plus as many as are set aside after failed publishes. */
  private async findPending(
    collection: mongo.Collection<OutboxDocument>,
  ): Promise<OutboxDocument[]> {
    // No sort: FerretDB sorts in memory after reading every match, so a sorted query would
    // cost as much as the whole backlog on each poll; unsorted, it stops after `limit`.
    // Each document's entries keep their order; documents are independent of each other.
    this.stats.pollsTotal++;
    return (await collection
      .find(OUTBOX_PENDING_FILTER, { projection: OUTBOX_PROJECTION })
      .limit(this.settings.batchSize + this.retries.size)
      .toArray()) as OutboxDocument[];
  }

  /**
   * The due documents in runs of `batchSize`, one Kafka request each. If a request fails,
   * its documents go one by one, so a document Kafka refuses (too large, say) is set aside
   * and the others still go out.
   */
  private async relayDocuments(
    name: string,
    collection: mongo.Collection<OutboxDocument>,
    documents: readonly OutboxDocument[],
  ): Promise<'done' | 'failed' | 'lease-lost'> {
    const due = documents.filter((document) => this.retries.isDue(this.retryId(name, document)));
    for (let start = 0; start < due.length; start += this.settings.batchSize) {
      const run = due.slice(start, start + this.settings.batchSize);
      if (!this.running) return 'done';
      if (!(await this.lease.acquireOrRenew())) return 'lease-lost';
      const batch = await this.publisher.publishBatch(name, collection, run);
      if (batch.ok) {
        for (const document of run) this.retries.succeeded(this.retryId(name, document));
        this.recordSuccess(batch.published);
        continue;
      }
      await this.producer.reset();
      const outcome = await this.relayOneByOne(name, collection, run);
      if (outcome !== 'done') return outcome;
    }
    return 'done';
  }

  private async relayOneByOne(
    name: string,
    collection: mongo.Collection<OutboxDocument>,
    documents: readonly OutboxDocument[],
  ): Promise<'done' | 'failed' | 'lease-lost'> {
    for (const document of documents) {
      const id = this.retryId(name, document);
      if (!this.running) return 'done';
      if (!(await this.lease.acquireOrRenew())) return 'lease-lost';
      const result = await this.publisher.publish(name, collection, document);
      if (!result.ok) {
        await this.producer.reset();
        const delay = this.recordFailure(`publishing ${id} failed: ${result.error}`);
        this.retries.failed(id, delay);
        return 'failed';
      }
      this.retries.succeeded(id);
      this.recordSuccess(result.published);
    }
    return 'done';
  }

  private retryId(collection: string, document: OutboxDocument): string {
    return `${collection}/${String(document._id)}`;
  }

  /**
   * What the last poll saw: pending documents per collection (at most a batch each — a
   * count of a big backlog would cost the database as much as reading it) and the oldest.
   */
  private notePending(collection: string, documents: readonly OutboxDocument[]): void {
    this.pendingSeen.set(collection, documents);
    let total = 0;
    let oldest: number | null = null;
    for (const seen of this.pendingSeen.values()) {
      total += seen.length;
      for (const { outboxSince } of seen) {
        const since = outboxSince ? new Date(outboxSince).getTime() : NaN;
        if (!Number.isNaN(since) && (oldest === null || since < oldest)) oldest = since;
      }
    }
    this.stats.pendingDocuments = total;
    this.stats.oldestPendingAgeMs = oldest === null ? null : Math.max(0, Date.now() - oldest);
  }

  private recordSuccess(published: number): void {
    if (this.stats.consecutiveFailures > 0) this.logger.log('publishing again after failures');
    this.stats.consecutiveFailures = 0;
    this.backoffUntil = 0;
    if (published > 0) {
      this.stats.publishedTotal += published;
      this.stats.lastPublishedAt = new Date();
    }
  }

  private recordFailure(message: string): number {
    this.stats.failedAttemptsTotal++;
    this.stats.consecutiveFailures++;
    this.stats.lastError = message;
    const delay = backoffDelay(this.stats.consecutiveFailures, this.settings.backoff);
    this.backoffUntil = Date.now() + delay;
    this.logger.warn(
      `${message}; retrying in ${delay} ms (failure ${this.stats.consecutiveFailures} in a row)`,
    );
    return delay;
  }

  /** Waits `ms` or until woken; true when woken (a nudge or stop), false when the time ran out. */
  private idle(ms: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), ms);
      function done(woken: boolean) {
        clearTimeout(timer);
        resolve(woken);
      }
      this.wake = () => done(true);
    }).then((woken) => {
      this.wake = undefined;
      return woken;
    });
  }
}
