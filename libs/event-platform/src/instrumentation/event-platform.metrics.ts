import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { addScrapeHook } from '@metered/service-kit';
import {
  EVENT_PLATFORM_CONNECTION,
  EVENT_PLATFORM_KAFKA,
  EVENT_PLATFORM_OPTIONS,
  ResolvedEventPlatformOptions,
} from '../event-platform.options';
import { OutboxRelay } from '../outbox/outbox-relay';
import { ConsumerLagMonitor } from './consumer-lag.monitor';
import { OutboxMetricsReading, recordEmptyOutbox, refreshOutboxMetrics } from './outbox-metrics';

/** Refreshes the outbox backlog and consumer lag gauges whenever `/metrics` is scraped. */
@Injectable()
export class EventPlatformMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly lag: ConsumerLagMonitor;
  private readonly removeHooks: (() => void)[] = [];
  private readonly outboxReading: OutboxMetricsReading = { lastReadAt: 0 };

  constructor(
    @Inject(EVENT_PLATFORM_OPTIONS) options: ResolvedEventPlatformOptions,
    @Inject(EVENT_PLATFORM_CONNECTION) private readonly connection: Connection,
    @Inject(EVENT_PLATFORM_KAFKA) kafka: Kafka,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {
    this.lag = new ConsumerLagMonitor(kafka, options.service);
  }

  onModuleInit(): void {
    this.removeHooks.push(
      addScrapeHook(() => this.refreshOutbox()),
      addScrapeHook(() => this.lag.refresh()),
    );
  }

  private async refreshOutbox(): Promise<void> {
    const collections = this.relay.registeredCollections;
    // The leader polls anyway: when its latest polls found nothing, asking again is waste.
    if (this.relay.sawEmptyOutbox()) return recordEmptyOutbox(collections);
    await refreshOutboxMetrics(
      () => {
        if (!this.connection.db) throw new Error('the database connection is not open');
        return this.connection.db;
      },
      collections,
      this.outboxReading,
    );
  }

  async onModuleDestroy(): Promise<void> {
    for (const remove of this.removeHooks) remove();
    await this.lag.close();
  }
}
