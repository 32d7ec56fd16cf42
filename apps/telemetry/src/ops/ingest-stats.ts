import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';

export const INGEST_STATS_COLLECTION = 'ingest_stats';
export const INGEST_STATS_MODEL = 'IngestStats';

/** Counts of one minute in one replica (only that replica writes it). */
export const IngestStatsSchema = new Schema(
  {
    _id: { type: String, required: true },
    minute: { type: Date, required: true },
    accepted: { type: Number, default: 0 },
    duplicates: { type: Number, default: 0 },
    refused: { type: Number, default: 0 },
    byReason: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, collection: INGEST_STATS_COLLECTION, minimize: false },
);

interface MinuteCounts {
  accepted: number;
  duplicates: number;
  refused: number;
  byReason: Record<string, number>;
}

interface IngestStatsDocument extends MinuteCounts {
  _id: string;
  minute: Date;
}

const FLUSH_EVERY_MS = 5_000;
const MINUTE_MS = 60_000;

/**
 * Readings accepted, duplicate and refused (by reason) per minute, for the ops view. Counted
 * in memory and written every few seconds per replica (one document per replica and minute,
 * so no two writers share one): the counting costs the ingest path no database command.
 */
@Injectable()
export class IngestStats implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(IngestStats.name);
  private readonly replica = randomUUID();
  private pending = new Map<number, MinuteCounts>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    @InjectModel(INGEST_STATS_MODEL) private readonly model: Model<IngestStatsDocument>,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  record(
    accepted: number,
    duplicates: number,
    refusedReasons: readonly string[],
    at = new Date(),
  ): void {
    const minute = Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
    const counts = this.pending.get(minute) ?? {
      accepted: 0,
      duplicates: 0,
      refused: 0,
      byReason: {},
    };
    counts.accepted += accepted;
    counts.duplicates += duplicates;
    counts.refused += refusedReasons.length;
    for (const reason of refusedReasons)
      counts.byReason[reason] = (counts.byReason[reason] ?? 0) + 1;
    this.pending.set(minute, counts);
  }

  /** Writes what was counted since the last flush (also before the ops view reads). */
  flush(): Promise<void> {
    this.flushing = this.flushing
      .then(() => this.write())
      .catch((error: unknown) => {
        this.logger.warn(`could not write ingest counts: ${String(error)}`);
      });
    return this.flushing;
  }

  private async write(): Promise<void> {
    const pending = this.pending;
    if (pending.size === 0) return;
    this.pending = new Map();
    for (const [minute, counts] of pending) {
      const inc: Record<string, number> = {
        accepted: counts.accepted,
        duplicates: counts.duplicates,
        refused: counts.refused,
      };
      for (const [reason, count] of Object.entries(counts.byReason)) {
        inc[`byReason.${reasonKey(reason)}`] = count;
      }
      await this.model
        .updateOne(
          { _id: `${minute}|${this.replica}` },
          { $inc: inc, $setOnInsert: { minute: new Date(minute) } },
          { upsert: true },
        )
        .exec();
    }
  }

  /** The last hour's counts over every replica. */
  async lastHour(now = new Date()): Promise<MinuteCounts & { perMinute: number }> {
    await this.flush();
    const since = new Date(now.getTime() - 60 * MINUTE_MS);
    const documents = await this.model
      .find({ minute: { $gte: since } })
      .lean<IngestStatsDocument[]>()
      .exec();
    const total: MinuteCounts = { accepted: 0, duplicates: 0, refused: 0, byReason: {} };
    let lastMinute = 0;
    const lastMinuteStart = now.getTime() - MINUTE_MS;
    for (const document of documents) {
      total.accepted += document.accepted ?? 0;
      total.duplicates += document.duplicates ?? 0;
      total.refused += document.refused ?? 0;
      for (const [key, count] of Object.entries(document.byReason ?? {})) {
        const reason = reasonText(key);
        total.byReason[reason] = (total.byReason[reason] ?? 0) + count;
      }
      if (document.minute.getTime() + MINUTE_MS > lastMinuteStart) {
        lastMinute +=
          (document.accepted ?? 0) + (document.duplicates ?? 0) + (document.refused ?? 0);
      }
    }
    return { ...total, perMinute: lastMinute };
  }
}

// Reasons are sentences; field names must not contain dots or start with `$`.
function reasonKey(reason: string): string {
  return Buffer.from(reason, 'utf8').toString('base64url');
}

function reasonText(key: string): string {
  return Buffer.from(key, 'base64url').toString('utf8');
}
