import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';

/** Checks while the client fails (or the driver just reported losing the server). */
const CHECK_EVERY_MS = 5_000;
/** Checks while all is well: each one is a database command, and an idle stack should be quiet. */
const HEALTHY_CHECK_EVERY_MS = 30_000;
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
 * When to check next: soon while our client fails (the 20 s until a reconnect are counted
 * from the first failed check), rarely while it works. A lost server also makes the driver
 * report `disconnected`, which brings the next check forward (see DatabaseWatchdog).
 */
export function nextCheckInMs(failingSinceMs: number | null): number {
  return failingSinceMs === null ? HEALTHY_CHECK_EVERY_MS : CHECK_EVERY_MS;
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

  private stopped = false;
  private readonly checkSoon = () => this.scheduleCheck(CHECK_EVERY_MS);

  onApplicationBootstrap(): void {
    this.connection.on('disconnected', this.checkSoon);
    this.scheduleCheck(nextCheckInMs(this.failingSince));
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.connection.off('disconnected', this.checkSoon);
    if (this.timer) clearTimeout(this.timer);
  }

  private scheduleCheck(inMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check().finally(() => {
        if (!this.timer) this.scheduleCheck(nextCheckInMs(this.failingSince));
      });
    }, inMs);
    this.timer.unref();
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
