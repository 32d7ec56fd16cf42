import {
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import {
  contractsCatalog,
  SessionRevokedEvent,
  type SessionRevokedPayload,
  SessionStartedEvent,
  type SessionStartedPayload,
  Topics,
} from '@metered/contracts';
import {
  createKafka,
  EventHeaders,
  EVENT_PLATFORM_OPTIONS,
  FedCache,
  ReplicaEventFeed,
  type ResolvedEventPlatformOptions,
} from '@metered/event-platform';
import { AUTH_SETTINGS, type AuthSettings } from '../auth.settings';
import { IssuedSessions } from './issued-sessions';

/** What a replica knows of a session: when its revocation stops refusing, or null (not revoked). */
export type RevocationState = Date | null;

/** A `SessionRevoked` as the cache applies it: the session refuses tokens until `expiresAt`. */
export interface Revocation {
  expiresAt: Date;
}

/** Revocation never goes back: the database copy shows the event once it holds any entry. */
export const revocationRules = {
  apply: (_state: RevocationState, event: Revocation): RevocationState => event.expiresAt,
  reflects: (state: RevocationState): boolean => state !== null,
};

/**
 * Each replica's memory of the sessions it checked, so a request costs no database read once
 * its session was looked up. The `revoked_sessions` collection is written by ONE replica of
 * the service (its consumer group); every replica follows `identity.session.v1` with a feed
 * of its own (ReplicaEventFeed, from the group's committed offsets), and a revocation it sees
 * reaches its next check even before that collection shows it (FedCache). While the feed is
 * not live (Kafka away, catching up), every check reads the database as before.
 *
 * The same feed hands each `SessionStarted` to IssuedSessions, so a replica knows a new
 * session is genuine without asking identity (those verdicts are final: no liveness needed).
 */
@Injectable()
export class RevocationFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly feed: ReplicaEventFeed;
  readonly cache: FedCache<RevocationState, Revocation>;

  constructor(
    @Inject(AUTH_SETTINGS) settings: AuthSettings,
    @Inject(EVENT_PLATFORM_OPTIONS) platform: ResolvedEventPlatformOptions,
    @Optional() private readonly issued?: IssuedSessions,
  ) {
    this.feed = new ReplicaEventFeed({
      name: `${platform.service}.session-feed`,
      kafka: createKafka({
        clientId: `${platform.service}-session-feed`,
        brokers: platform.infrastructure.kafkaBrokers,
      }),
      topics: [Topics.IdentitySession],
      sourceGroupId: platform.service,
      onMessage: (_topic, message) => this.onMessage(message),
    });
    this.cache = new FedCache(this.feed, revocationRules, settings.sessionCache);
  }

  onApplicationBootstrap(): void {
    this.feed.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }

  get live(): boolean {
    return this.feed.liveEpoch() !== null;
  }

  private async onMessage(message: KafkaMessage): Promise<void> {
    const type = message.headers?.[EventHeaders.type]?.toString();
    if (
      type !== undefined &&
      type !== SessionRevokedEvent.type &&
      type !== SessionStartedEvent.type
    )
      return;
    if (!message.value) return;
    let decoded: Awaited<ReturnType<typeof contractsCatalog.decode>>;
    try {
      decoded = await contractsCatalog.decode(JSON.parse(message.value.toString('utf8')));
    } catch {
      return; // the service's own consumer dead-letters what it cannot read
    }
    const { definition, envelope } = decoded;
    if (definition === SessionStartedEvent) {
      this.issued?.learn((envelope.payload as SessionStartedPayload).sessionId);
    } else if (definition === SessionRevokedEvent) {
      const payload = envelope.payload as SessionRevokedPayload;
      this.cache.observe(payload.sessionId, { expiresAt: new Date(payload.accessTokensExpireBy) });
    }
  }
}
