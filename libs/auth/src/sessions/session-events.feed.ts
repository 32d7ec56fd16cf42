import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import {
  contractsCatalog,
  SessionRefreshedEvent,
  SessionRevokedEvent,
  SessionStartedEvent,
  Topics,
} from '@metered/contracts';
import type {
  SessionRefreshedPayload,
  SessionRevokedPayload,
  SessionStartedPayload,
} from '@metered/contracts';
import { backoffDelay, errorMessage, sleep } from '@metered/event-platform/common/backoff';
import { createKafka } from '@metered/event-platform/kafka/kafka-client.factory';
import { readInfrastructureConfig } from '@metered/service-kit/config/infrastructure.config';
import { AUTH_SETTINGS, AuthSettings } from '../auth.settings';
import { AUTH_SERVICE } from './auth-service-name';
import { KnownSessions } from './known-sessions';
import { FeedState } from './unknown-session-verdict';

const RETRY = { initialMs: 1000, maxMs: 15000 };

/**
 * Feeds this replica's KnownSessions from `identity.session.v1`. Unlike the service's event
 * handlers (one consumer group per service, each event reaching ONE replica), every replica
 * must see every session event, so each runs its own consumer group with a name of its own,
 * reads the topic from the beginning and commits nothing: the group leaves no offsets
 * behind, and a restarted replica replays the topic (7 days; only entries of the last token
 * lifetime are kept). Nothing here touches the database.
 */
@Injectable()
export class SessionEventsFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SessionEventsFeed.name);
  private consumer: Consumer | null = null;
  private stopped = false;
  /** Per partition: the offset of the last message that existed when we started. */
  private readonly catchUpTargets = new Map<number, bigint>();
  private caughtUp = false;
  private readonly caughtUpWaiters = new Set<() => void>();
  private lastFetchAt = 0;
  private pruneTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sessions: KnownSessions,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    @Inject(AUTH_SERVICE) private readonly service: string,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: HTTP must come up (and say why it answers 503) while Kafka is away.
    void this.runUntilStarted();
    this.pruneTimer = setInterval(
      () => this.sessions.prune(),
      this.settings.knownSessionsPruneIntervalMs,
    );
    this.pruneTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.consumer?.disconnect().catch(() => undefined);
  }

  state(now = Date.now()): FeedState {
    if (!this.caughtUp) return 'catching-up';
    return now - this.lastFetchAt > this.settings.sessionFeedStaleAfterMs ? 'stale' : 'live';
  }

  /** Resolves true once caught up, false after `timeoutMs`. */
  whenCaughtUp(timeoutMs: number): Promise<boolean> {
    if (this.caughtUp) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.caughtUpWaiters.delete(onCaughtUp);
        resolve(value);
      };
      const onCaughtUp = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.caughtUpWaiters.add(onCaughtUp);
    });
  }

  private async runUntilStarted(): Promise<void> {
    const kafka = createKafka({
      clientId: `${this.service}-sessions`,
      brokers: readInfrastructureConfig().kafkaBrokers,
    });
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.start(kafka);
        return;
      } catch (error) {
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = null;
        const wait = backoffDelay(attempt, RETRY);
        this.logger.warn(
          `session events feed did not start (${errorMessage(error)}); retrying in ${wait} ms`,
        );
        await sleep(wait);
      }
    }
  }

  private async start(kafka: Kafka): Promise<void> {
    await this.readCatchUpTargets(kafka);
    const consumer = kafka.consumer({
      groupId: `${this.service}.sessions.${hostname()}.${process.pid}.${randomUUID().slice(0, 8)}`,
      allowAutoTopicCreation: false,
      // An idle feed still fetches every second, so "no fetch lately" means Kafka is away.
      maxWaitTimeInMs: 1000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.FETCH, () => {
      this.lastFetchAt = Date.now();
    });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.IdentitySession, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachMessage: (payload) => this.onMessage(payload) });
    this.checkCaughtUp();
  }

  private async readCatchUpTargets(kafka: Kafka): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(
        Topics.IdentitySession,
      )) {
        if (BigInt(high) > BigInt(low)) this.catchUpTargets.set(partition, BigInt(high) - 1n);
      }
    } finally {
      await admin.disconnect();
    }
  }

  private async onMessage({ partition, message }: EachMessagePayload): Promise<void> {
    try {
      this.apply(await contractsCatalog.decode(JSON.parse(message.value?.toString() ?? '')));
    } catch (error) {
      // The service's own consumer dead-letters bad messages of its topics; here a message
      // that is not a session event we know simply teaches us nothing.
      this.logger.warn(`ignored a message on ${Topics.IdentitySession}: ${errorMessage(error)}`);
    }
    const target = this.catchUpTargets.get(partition);
    if (target !== undefined && BigInt(message.offset) >= target) {
      this.catchUpTargets.delete(partition);
      this.checkCaughtUp();
    }
  }

  private apply({
    definition,
    envelope,
  }: Awaited<ReturnType<typeof contractsCatalog.decode>>): void {
    if (definition === SessionStartedEvent || definition === SessionRefreshedEvent) {
      const payload = envelope.payload as SessionStartedPayload | SessionRefreshedPayload;
      this.sessions.issued(payload.sessionId, new Date(payload.accessTokensExpireBy));
    } else if (definition === SessionRevokedEvent) {
      const payload = envelope.payload as SessionRevokedPayload;
      this.sessions.revoked(payload.sessionId, new Date(payload.accessTokensExpireBy));
    }
  }

  private checkCaughtUp(): void {
    if (this.caughtUp || this.catchUpTargets.size > 0 || this.consumer === null) return;
    this.caughtUp = true;
    this.lastFetchAt = Math.max(this.lastFetchAt, Date.now());
    this.logger.log(`session events read to the end: ${this.sessions.size} live sessions known`);
    for (const waiter of [...this.caughtUpWaiters]) waiter();
  }
}
