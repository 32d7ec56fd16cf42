import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';

const CHECK_EVERY_MS = 5_000;
/** How long the service's own client may fail while the server answers a fresh client. */
const WEDGED_AFTER_MS = 20_000;
const PROBE_TIMEOUT_MS = 2_000;

/** Decides, from when our client last worked and whether the server answers, to reconnect. */
export function shouldReconnect(
  failingSinceMs: number | null,
  nowMs: number,
  serverAnswers: boolean,
): boolean {
  return failingSinceMs !== null && nowMs - failingSinceMs >= WEDGED_AFTER_MS && serverAnswers;
}

/**
 * Reconnects the service's database client when it stays broken although the server is back.
 * Seen with FerretDB 1.24 and driver 6.20: after the server was down for a while, a client
 * may keep failing every operation with "connection N … closed" and never recover, while a
 * fresh client connects at once. Only then — our client failing for 20 s and a fresh client
 * answering — is the connection closed and opened again; models and collections follow.
 */
@Injectable()
export class DatabaseWatchdog implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DatabaseWatchdog');
  private timer?: NodeJS.Timeout;
  private failingSince: number | null = null;
  private busy = false;

  constructor(@InjectConnection() private readonly connection: Connection) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async check(now = Date.now()): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      if (await this.ownClientWorks()) {
        this.failingSince = null;
        return;
      }
      this.failingSince ??= now;
      if (!shouldReconnect(this.failingSince, now, await this.serverAnswers())) return;
      this.logger.warn('the database answers a fresh client but not ours: reconnecting');
      await this.reconnect();
      this.failingSince = null;
    } catch (error) {
      this.logger.warn(`database watchdog: ${(error as Error).message}`);
    } finally {
      this.busy = false;
    }
  }

  private async ownClientWorks(): Promise<boolean> {
    const db = this.connection.db;
    if (this.connection.readyState !== 1 || !db) return false;
    return withTimeout(
      db
        .admin()
        .ping()
        .then(() => true),
      false,
    );
  }

  private async serverAnswers(): Promise<boolean> {
    const uri = this.uri();
    if (!uri) return false;
    const client = new mongo.MongoClient(uri, {
      serverSelectionTimeoutMS: PROBE_TIMEOUT_MS,
      connectTimeoutMS: PROBE_TIMEOUT_MS,
    });
    try {
      await client.connect();
      await client.db().admin().ping();
      return true;
    } catch {
      return false;
    } finally {
      await client.close().catch(() => undefined);
    }
  }

  private async reconnect(): Promise<void> {
    const uri = this.uri();
    if (!uri) return;
    const options = (this.connection as unknown as { options?: object }).options ?? {};
    // Not a forced close: mongoose refuses every later operation of a force-closed connection.
    await withTimeout(
      this.connection.close(false).then(() => true),
      false,
    );
    await this.connection.openUri(uri, options);
    this.logger.log('database connection re-opened');
  }

  private uri(): string | undefined {
    return (this.connection as unknown as { _connectionString?: string })._connectionString;
  }
}

function withTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([
    work.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), PROBE_TIMEOUT_MS)),
  ]);
}
