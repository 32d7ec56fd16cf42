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

/** What `withFreeLocks` did: the ids it locked (and ran the work on), those held by others. */
export interface FreeLocksOutcome<I, T> {
  locked: I[];
  busy: I[];
  /** The work's result; undefined when nothing was locked (the work did not run). */
  result: T | undefined;
}

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

  /**
   * The batch form of `withLock` for a writer that can come back later: locks every document
   * of `ids` that is free with one insert, runs `work` on those, releases them with one
   * delete — three commands for the batch instead of three per document. It does not wait:
   * the documents whose lock is held (by a writer, or by a holder that crashed and whose lock
   * has not been broken yet) come back as `busy`, for `withLock`, which waits for them and
   * breaks expired locks. The same lock documents as `withLock`, so each excludes the other.
   */
  async withFreeLocks<I, T>(
    collection: string,
    ids: readonly I[],
    work: (locked: I[]) => Promise<T>,
  ): Promise<FreeLocksOutcome<I, T>> {
    const byLockId = new Map<string, I>();
    for (const id of ids) byLockId.set(DocumentLocks.lockId(collection, id), id);
    const owner = randomUUID();
    const started = Date.now();
    const lockIds = await this.store.tryAcquireMany(
      [...byLockId.keys()],
      owner,
      this.settings.ttlMs,
    );
    const taken = new Set(lockIds);
    const busy = [...byLockId].filter(([lockId]) => !taken.has(lockId)).map(([, id]) => id);
    if (lockIds.length === 0) return { locked: [], busy, result: undefined };
    if (Date.now() - started > this.settings.ttlMs / 2) {
      // The insert itself was slow: too little of the locks' lifetime is left to trust them
      // for the work, since a writer may break them once expired. Treat them as busy.
      await this.releaseMany(collection, lockIds, owner);
      return { locked: [], busy: [...ids], result: undefined };
    }
    const locked = lockIds.map((lockId) => byLockId.get(lockId) as I);
    try {
      return { locked, busy, result: await work(locked) };
    } finally {
      const held = Date.now() - started;
      if (held > this.settings.ttlMs)
        this.logger.warn(
          `${lockIds.length} locks of ${collection} were held ${held} ms, past their ${this.settings.ttlMs} ms lifetime`,
        );
      await this.releaseMany(collection, lockIds, owner);
    }
  }

  private async releaseMany(collection: string, lockIds: string[], owner: string): Promise<void> {
    await this.store.releaseMany(lockIds, owner).catch((error: unknown) => {
      this.logger.warn(
        `could not release ${lockIds.length} locks of ${collection} (they expire by themselves): ${String(error)}`,
      );
    });
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
