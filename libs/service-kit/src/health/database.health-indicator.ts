import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Connection } from 'mongoose';
import { publicReason } from '../errors/public-reason';

/**
 * Pings the service's own database. mongoose buffers commands while disconnected, so we
 * check the connection state first and bound the ping, otherwise readiness would hang
 * instead of going red.
 */
@Injectable()
export class DatabaseHealthIndicator {
  private readonly logger = new Logger('DatabaseHealth');

  constructor(
    private readonly indicators: HealthIndicatorService,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async isHealthy(key = 'database', timeoutMs = 2000) {
    const indicator = this.indicators.check(key);
    const db = this.connection.db;
    if (this.connection.readyState !== 1 || !db) {
      return indicator.down({ message: 'not reachable' });
    }
    try {
      await Promise.race([
        db.admin().ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`ping timed out after ${timeoutMs} ms`)), timeoutMs),
        ),
      ]);
      return indicator.up({ database: db.databaseName });
    } catch (error) {
      this.logger.warn(`database ping failed: ${(error as Error).message}`);
      return indicator.down({ message: publicReason(error) });
    }
  }
}
