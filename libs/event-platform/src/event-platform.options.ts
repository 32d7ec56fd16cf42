import { EventConsumerSettings } from './consumer/event-consumer.settings';
import { EventCatalog } from '@metered/events-core';
import { DocumentLockSettings } from './locking/document-locks';
import { OutboxRelaySettings } from './outbox/outbox-relay.settings';

export interface EventPlatformInfrastructure {
  kafkaBrokers: string[];
  topicPartitions: number;
  topicReplicationFactor: number;
}

export interface EventPlatformOptions {
  /** Service name: Kafka clientId, consumer group, envelope producer, lease and DLQ name. */
  service: string;
  /** Every event version the service may publish or consume (libs/contracts `contractsCatalog`). */
  catalog: EventCatalog;
  /** Collections whose documents carry outbox fields; more via `EventOutbox.registerCollection`. */
  outboxCollections?: string[];
  /** Extra topics to create at start-up; the catalog's topics and the DLQ are always created. */
  topics?: readonly string[];
  consumer?: Partial<EventConsumerSettings>;
  /** `enabled: false` for processes that only consume. */
  relay?: Partial<OutboxRelaySettings> & { enabled?: boolean };
  /** Lifetime and wait of the per-document write locks. */
  documentLocks?: Partial<DocumentLockSettings>;
  /** Defaults to `readInfrastructureConfig()` (KAFKA_BROKERS, KAFKA_TOPIC_PARTITIONS, …). */
  infrastructure?: EventPlatformInfrastructure;
  /** Name of the @nestjs/mongoose connection, when the app has several. */
  connectionName?: string;
  /** Registers the x-correlation-id middleware for all HTTP routes (default true). */
  correlationMiddleware?: boolean;
}

export const EVENT_PLATFORM_OPTIONS = Symbol('EVENT_PLATFORM_OPTIONS');
export const EVENT_PLATFORM_KAFKA = Symbol('EVENT_PLATFORM_KAFKA');
/** The service's mongoose connection (from @nestjs/mongoose), under one name for the platform. */
export const EVENT_PLATFORM_CONNECTION = Symbol('EVENT_PLATFORM_CONNECTION');

export type ResolvedEventPlatformOptions = EventPlatformOptions & {
  infrastructure: EventPlatformInfrastructure;
};
