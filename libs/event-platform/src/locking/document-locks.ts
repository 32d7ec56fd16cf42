import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { mongo } from 'mongoose';
import { LockDocument, LockStore } from './lock-store';

export const DOCUMENT_LOCK_COLLECTION = 'document_locks';

export interface DocumentLockSettings {
  /** A holder that crashed blocks the document for at most this long. */
  ttlMs: number;
  /** How long to wait for a busy document before giving up. */
  waitMs: number;
}

export const DEFAULT_DOCUMENT_LOCK_SETTINGS: DocumentLockSettings = { ttlMs: 10000, waitMs: 5000 };

export class DocumentLockTimeoutError extends Error {
  constructor(
    readonly lockId: string,
    waitedMs: number,
  ) {
    super(`document ${lockId} stayed locked for ${waitedMs} ms`);
    this.name = 'DocumentLockTimeoutError';
  }
}

/**
 * Serializes writes to one document. FerretDB 1.24 applies an update as read → modify →
 * overwrite, so two concurrent updates of the same document can silently lose one of them
 * (an event, or a state change), and version-conditional updates do not prevent it.
 * Every writer of a document — the service and the outbox relay — takes this lock around
 * its read-decide-write. Keep the work inside short and database-only.
 */
export class DocumentLocks {
  private readonly logger = new Logger(DocumentLocks.name);
  private readonly store: LockStore;
  private readonly settings: DocumentLockSettings;
  private indexes?: Promise<unknown>;

  constructor(
    private readonly db: () => mongo.Db,
    settings: Partial<DocumentLockSettings> = {},
  ) {
    this.settings = { ...DEFAULT_DOCUMENT_LOCK_SETTINGS, ...settings };
    this.store = new LockStore(() => this.db().collection<LockDocument>(DOCUMENT_LOCK_COLLECTION));
  }

  /** The lock name of a document: `<collection>:<type of _id>:<_id>`. */
  static lockId(collection: string, id: unknown): string {
    const kind = typeof id === 'object' && id !== null ? 'object' : typeof id;
    return `${collection}:${kind}:${String(id)}`;
  }

  async withLock<T>(collection: string, id: unknown, work: () => Promise<T>): Promise<T> {
    const lockId = DocumentLocks.lockId(collection, id);
    const owner = randomUUID();
    await this.acquire(lockId, owner);
    const started = Date.now();
    try {
      return await work();
    } finally {
      const held = Date.now() - started;
      if (held > this.settings.ttlMs)
        this.logger.warn(
          `${lockId} was held ${held} ms, past its ${this.settings.ttlMs} ms lifetime`,
        );
      await this.store.release(lockId, owner).catch((error: unknown) => {
        this.logger.warn(`could not release ${lockId} (it expires by itself): ${String(error)}`);
      });
    }
  }

  private async acquire(lockId: string, owner: string): Promise<void> {
    const deadline = Date.now() + this.settings.waitMs;
    let pause = 2;
    while (!(await this.store.tryAcquire(lockId, owner, this.settings.ttlMs))) {
      if (Date.now() > deadline) throw new DocumentLockTimeoutError(lockId, this.settings.waitMs);
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
      pause = Math.min(pause * 2, 50);
    }
  }
}
