import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import type { Admin, Consumer, EachMessagePayload, Kafka, KafkaMessage } from 'kafkajs';
import { backoffDelay, errorMessage, type BackoffPolicy } from '../common/backoff';

export interface ReplicaEventFeedOptions {
  /** Names the feed in logs and in its consumer group ids. */
  name: string;
  kafka: Kafka;
  topics: readonly string[];
  /**
   * The service's own consumer group, whose handlers write what this replica caches. The
   * feed starts where that group has committed: everything before is in the database, so a
   * copy loaded from it is never older than an event the feed skipped.
   */
  sourceGroupId: string;
  /** Called for every message, one at a time per partition, in order. */
  onMessage: (topic: string, message: KafkaMessage) => Promise<void> | void;
  /** No fetch for this long (an idle fetch returns every second) and the feed is not live. */
  staleAfterMs?: number;
  /** Not live for this long while it should be running: start over with a new consumer. */
  restartAfterMs?: number;
  retry?: BackoffPolicy;
}

const DEFAULTS = { staleAfterMs: 5000, restartAfterMs: 20000 };
const RETRY: BackoffPolicy = { initialMs: 1000, maxMs: 15000 };

/**
 * Every event of some topics, in EVERY replica (the service's own consumer group hands each
 * event to one replica only): what a per-replica cache needs to stay sound. Each start uses a
 * consumer group of its own, positioned at the service group's committed offsets, commits
 * nothing that matters and leaves nothing to the service's group.
 *
 * `liveEpoch()` says whether the cache may be used now, and which period of liveness this is:
 * live once read up to the end as of the start and while fetches keep coming. Whenever that
 * stops (a crash, Kafka away, no fetch for `staleAfterMs`) the epoch moves on, so whatever was
 * cached before is not trusted again; a feed that does not recover within `restartAfterMs` is
 * torn down and started again from the source group's offsets. While not live, callers read
 * the database as if there were no cache: the feed never makes a request fail.
 */
export class ReplicaEventFeed {
  private readonly logger: Logger;
  private readonly staleAfterMs: number;
  private readonly restartAfterMs: number;
  private readonly retry: BackoffPolicy;
  private consumer: Consumer | null = null;
  private stopped = true;
  private loop?: Promise<void>;
  private failed?: (reason: string) => void;
  private catchUpTargets = new Map<string, bigint>();
  private caughtUp = false;
  private up = false;
  private epoch = 0;
  private lastFetchAt = 0;
  private consumerStartedAt = 0;
  private starts = 0;
  private watchdog?: NodeJS.Timeout;
  private wakeFromBackoff?: () => void;

  constructor(private readonly options: ReplicaEventFeedOptions) {
    this.logger = new Logger(`ReplicaEventFeed(${options.name})`);
    this.staleAfterMs = options.staleAfterMs ?? DEFAULTS.staleAfterMs;
    this.restartAfterMs = options.restartAfterMs ?? DEFAULTS.restartAfterMs;
    this.retry = options.retry ?? RETRY;
  }

  /** Starts in the background: Kafka being away must not stop the service from starting. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
    this.watchdog = setInterval(() => this.check(), Math.min(1000, this.staleAfterMs));
    this.watchdog.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.failed?.('stopping');
    this.wakeFromBackoff?.();
    await this.loop;
  }

  /** The current period of liveness, or null while the cache must not be used. */
  liveEpoch(now = Date.now()): number | null {
    if (this.up && now - this.lastFetchAt > this.staleAfterMs) {
      this.goDown(`no fetch for ${now - this.lastFetchAt} ms`);
    }
    return this.up ? this.epoch : null;
  }

  /** For metrics and tests: how often a consumer was started. */
  get startsTotal(): number {
    return this.starts;
  }

  private check(): void {
    const now = Date.now();
    this.liveEpoch(now);
    // Catching up (fetches coming) is progress; silence for this long is not.
    const heardAt = Math.max(this.lastFetchAt, this.consumerStartedAt);
    if (!this.up && this.consumer && now - heardAt > this.restartAfterMs) {
      this.failed?.(`no fetch for ${now - heardAt} ms`);
    }
  }

  private goDown(reason: string): void {
    if (this.up) this.logger.warn(`not live (${reason}): reading the database meanwhile`);
    this.up = false;
  }

  private goUp(): void {
    if (this.up || !this.caughtUp || this.consumer === null || this.stopped) return;
    this.epoch++;
    this.up = true;
    this.logger.log(`live (period ${this.epoch})`);
  }

  private async run(): Promise<void> {
    for (let attempt = 1; !this.stopped;) {
      let reason: string;
      try {
        reason = await this.runOnce();
        attempt = 1;
      } catch (error) {
        reason = errorMessage(error);
      }
      this.goDown(reason);
      await this.teardown();
      if (this.stopped) return;
      const wait = backoffDelay(attempt++, this.retry);
      this.logger.warn(`consumer stopped (${reason}); starting again in ${wait} ms`);
      await new Promise<void>((resolve) => {
        this.wakeFromBackoff = resolve;
        setTimeout(resolve, wait).unref();
      });
    }
  }

  /** Starts a consumer and resolves with the reason once it must be replaced. */
  private async runOnce(): Promise<string> {
    const failure = new Promise<string>((resolve) => {
      this.failed = resolve;
    });
    const { kafka, topics, name } = this.options;
    // Unique per consumer, even for two feeds of one name started in one process at once.
    const groupId = `${name}.${hostname()}.${process.pid}.${randomUUID()}`;
    this.caughtUp = false;
    this.catchUpTargets = new Map();
    const admin = kafka.admin();
    await admin.connect();
    try {
      await this.positionAtSource(admin, groupId);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    const consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 1000,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      // A crash is ours to handle: this feed starts over from the source group's offsets.
      retry: {
        retries: 3,
        initialRetryTime: 200,
        maxRetryTime: 2000,
        restartOnFailure: async () => false,
      },
    });
    this.consumer = consumer;
    this.consumerStartedAt = Date.now();
    this.starts++;
    consumer.on(consumer.events.FETCH, () => {
      this.lastFetchAt = Date.now();
      this.goUp();
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.failed?.(`crashed: ${errorMessage(event.payload.error)}`);
    });
    consumer.on(consumer.events.STOP, () => this.failed?.('consumer stopped'));
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: false });
    await consumer.run({ autoCommit: false, eachMessage: (payload) => this.onMessage(payload) });
    this.checkCaughtUp();
    return failure;
  }

  /** Positions the new group where the source group is (the start of what it has not done). */
  private async positionAtSource(admin: Admin, groupId: string): Promise<void> {
    const committed = await admin.fetchOffsets({
      groupId: this.options.sourceGroupId,
      topics: [...this.options.topics],
    });
    for (const topic of this.options.topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const done = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      const partitions = ends.map(({ partition, low, high }) => {
        const offset = done.find((entry) => entry.partition === partition)?.offset ?? '-1';
        // Never committed: the source group reads from the beginning, so does the feed.
        const start = offset === '-1' || BigInt(offset) < BigInt(low) ? low : offset;
        if (BigInt(start) < BigInt(high)) {
          this.catchUpTargets.set(`${topic}:${partition}`, BigInt(high) - 1n);
        }
        return { partition, offset: start };
      });
      await admin.setOffsets({ groupId, topic, partitions });
    }
  }

  private async onMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
    try {
      await this.options.onMessage(topic, message);
    } catch (error) {
      this.logger.warn(`message on ${topic} not applied: ${errorMessage(error)}`);
    }
    const key = `${topic}:${partition}`;
    const target = this.catchUpTargets.get(key);
    if (target !== undefined && BigInt(message.offset) >= target) {
      this.catchUpTargets.delete(key);
      this.checkCaughtUp();
    }
  }

  private checkCaughtUp(): void {
    if (this.caughtUp || this.catchUpTargets.size > 0 || this.consumer === null) return;
    this.caughtUp = true;
    if (this.lastFetchAt > 0 && Date.now() - this.lastFetchAt <= this.staleAfterMs) this.goUp();
  }

  private async teardown(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    this.caughtUp = false;
    this.failed = undefined;
    await consumer?.disconnect().catch(() => undefined);
  }
}
