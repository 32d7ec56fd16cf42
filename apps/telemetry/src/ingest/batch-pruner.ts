import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { errorMessage } from '@metered/event-platform';
import { ReadingsRepository } from './persistence/readings.repository';

const EVERY_MS = 10 * 60_000;
/** Ingest batches are kept this long: derivation may be down for a while and catch up. */
export const BATCH_RETENTION_MS = 3 * 24 * 3600_000;

/** Deletes ingest batches whose events went out long ago (derivation has read them). */
@Injectable()
export class BatchPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BatchPruner.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly readings: ReadingsRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.readings
        .pruneBatches(new Date(Date.now() - BATCH_RETENTION_MS))
        .catch((error: unknown) =>
          this.logger.warn(`pruning ingest batches failed: ${errorMessage(error)}`),
        );
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
