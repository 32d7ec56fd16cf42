import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { AUTH_SETTINGS, AuthSettings } from '../auth.settings';
import { RevokedSessionsStore } from './revoked-sessions.store';

/** Periodic clean-up of `revoked_sessions`; every replica runs it, deleteMany is harmless twice. */
@Injectable()
export class RevocationPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RevocationPruner.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: RevokedSessionsStore,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), this.settings.revocationPruneIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async prune(): Promise<void> {
    try {
      const deleted = await this.store.pruneExpired();
      if (deleted > 0) this.logger.log(`pruned ${deleted} expired revoked sessions`);
    } catch (error) {
      this.logger.warn(`pruning revoked sessions failed, will retry: ${String(error)}`);
    }
  }
}
