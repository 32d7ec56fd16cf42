import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { errorMessage } from '../common/backoff';
import { InboxStore } from './inbox.store';

const DAY_MS = 86_400_000;

/**
 * Forgets handled event ids once no redelivery can bring them back. FerretDB has no TTL
 * indexes, so a timer deletes them. The retention (INBOX_RETENTION_DAYS, default 14) must
 * outlast the topics' retention (7 days): while a message can still be read from Kafka, its
 * id must still be known, or a replay from the beginning would run its handler again.
 */
export function inboxRetentionMs(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.INBOX_RETENTION_DAYS ?? 14);
  if (!Number.isFinite(days) || days < 1) {
    throw new Error(
      `INBOX_RETENTION_DAYS must be a number of days ≥ 1, got "${env.INBOX_RETENTION_DAYS}"`,
    );
  }
  return days * DAY_MS;
}

@Injectable()
export class InboxPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InboxPruner');
  private timer?: NodeJS.Timeout;
  private readonly retentionMs = inboxRetentionMs();

  constructor(@Inject(InboxStore) private readonly inbox: InboxStore) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), 60 * 60 * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async prune(now = new Date()): Promise<number> {
    try {
      const deleted = await this.inbox.pruneProcessedBefore(
        new Date(now.getTime() - this.retentionMs),
      );
      if (deleted > 0) this.logger.log(`forgot ${deleted} handled event ids`);
      return deleted;
    } catch (error) {
      this.logger.warn(`pruning handled event ids failed: ${errorMessage(error)}`);
      return 0;
    }
  }
}
