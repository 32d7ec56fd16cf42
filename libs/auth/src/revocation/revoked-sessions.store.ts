import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { UnavailableError } from '@metered/service-kit';
import {
  REVOCATION_GRACE_MS,
  REVOKED_SESSIONS_COLLECTION,
  RevokedSession,
  stillRefuses,
} from './revoked-session';
import { RevocationFeed, type RevocationState } from './revocation-feed';

const POSITIVE_CACHE_LIMIT = 10_000;

function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}

/**
 * Revoked sessions in the service's own database. Every replica of a service reads the same
 * collection, while Kafka delivers each `SessionRevoked` to only one replica of the group:
 * an in-memory set would let the other replicas keep accepting the session's tokens. With a
 * RevocationFeed (every replica follows the revocations itself) a looked-up session is
 * answered from memory while the feed is live: no database read per request.
 */
@Injectable()
export class RevokedSessionsStore implements OnModuleInit {
  private readonly logger = new Logger(RevokedSessionsStore.name);
  /** A revoked session never comes back, so a hit can be remembered until it expires. */
  private readonly knownRevoked = new Map<string, number>();

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Optional() private readonly feed?: RevocationFeed,
  ) {}

  private get collection(): Collection<RevokedSession> {
    return this.connection.collection<RevokedSession>(REVOKED_SESSIONS_COLLECTION);
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.collection.createIndex({ expiresAt: 1 });
    } catch (error) {
      // Only pruning gets slower without it; verifying tokens does not depend on it.
      this.logger.warn(
        `could not index ${REVOKED_SESSIONS_COLLECTION}.expiresAt: ${String(error)}`,
      );
    }
  }

  /** Idempotent: a redelivered revocation finds its entry and changes nothing. */
  async record(entry: RevokedSession): Promise<void> {
    try {
      await this.collection.insertOne(entry);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async isRevoked(sessionId: string, now = Date.now()): Promise<boolean> {
    const cachedUntil = this.knownRevoked.get(sessionId);
    if (cachedUntil !== undefined && cachedUntil > now) return true;
    const state = this.feed
      ? await this.feed.cache.get(sessionId, (id) => this.load(id))
      : await this.load(sessionId);
    if (state === null || !stillRefuses({ expiresAt: state }, now)) return false;
    this.remember(sessionId, state.getTime() + REVOCATION_GRACE_MS);
    return true;
  }

  private async load(sessionId: string): Promise<RevocationState> {
    try {
      const entry = await this.collection.findOne(
        { _id: sessionId },
        { projection: { expiresAt: 1 } },
      );
      return entry?.expiresAt ?? null;
    } catch (error) {
      // Fail closed: without the lookup a revoked session could slip through.
      throw new UnavailableError(`cannot check session revocation: ${String(error)}`);
    }
  }

  /** Deletes entries whose tokens have all expired (FerretDB has no TTL indexes). */
  async pruneExpired(now = Date.now()): Promise<number> {
    const result = await this.collection.deleteMany({
      expiresAt: { $lt: new Date(now - REVOCATION_GRACE_MS) },
    });
    for (const [sessionId, until] of this.knownRevoked) {
      if (until <= now) this.knownRevoked.delete(sessionId);
    }
    return result.deletedCount;
  }

  private remember(sessionId: string, until: number): void {
    if (this.knownRevoked.size >= POSITIVE_CACHE_LIMIT) {
      const oldest = this.knownRevoked.keys().next().value;
      if (oldest !== undefined) this.knownRevoked.delete(oldest);
    }
    this.knownRevoked.set(sessionId, until);
  }
}
