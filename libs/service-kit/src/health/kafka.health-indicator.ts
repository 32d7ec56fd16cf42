import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { INFRASTRUCTURE_CONFIG } from '../config/config.tokens';
import { InfrastructureConfig } from '../config/infrastructure.config';
import { publicReason } from '../errors/public-reason';

/**
 * Asks the brokers for cluster metadata. A dedicated admin client with short timeouts keeps
 * readiness honest (it goes red within seconds when Kafka is gone) without touching the
 * producer or consumer connections the service does its real work with.
 */
@Injectable()
export class KafkaHealthIndicator implements OnModuleDestroy {
  private readonly logger = new Logger('KafkaHealth');
  private admin?: Admin;
  private connected = false;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(INFRASTRUCTURE_CONFIG) private readonly config: InfrastructureConfig,
  ) {}

  async isHealthy(key = 'kafka', timeoutMs = 2500) {
    const indicator = this.indicators.check(key);
    try {
      const admin = await this.connect();
      const cluster = await withTimeout(admin.describeCluster(), timeoutMs);
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      await this.reset();
      this.logger.warn(`kafka check failed: ${(error as Error).message}`);
      return indicator.down({ message: publicReason(error) });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.reset();
  }

  private async connect(): Promise<Admin> {
    if (!this.admin) {
      const kafka = new Kafka({
        clientId: 'health-check',
        brokers: this.config.kafkaBrokers,
        connectionTimeout: 1500,
        requestTimeout: 2500,
        retry: { retries: 0 },
        logLevel: logLevel.NOTHING,
      });
      this.admin = kafka.admin();
    }
    if (!this.connected) {
      await withTimeout(this.admin.connect(), 2500);
      this.connected = true;
    }
    return this.admin;
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.connected = false;
    await admin?.disconnect().catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
