// The envelope, definitions, catalog, correlation context and topic names the platform is
// built on live in @metered/events-core (framework-free); re-exported so services import one
// library. Libraries below this one (contracts, service-kit) import @metered/events-core.
export * from '@metered/events-core';
// Correlation ids across HTTP and Kafka (Nest middleware)
export * from './correlation/correlation.middleware';
// Publishing: outbox fields, update builders, relay
export * from './outbox/outbox-entry';
export * from './outbox/outbox-update';
export * from './outbox/outbox.plugin';
export * from './outbox/outbox-relay';
export * from './outbox/outbox-relay.settings';
export { LEASE_COLLECTION } from './outbox/outbox-lease';
export { REMOVALS_PER_COMMAND } from './outbox/outbox-rewrite';
// Per-document write locks (FerretDB updates are not atomic against each other)
export * from './locking/document-locks';
export * from './locking/lock-store';
// Consuming: inbox, consumer, dead letters
export * from './inbox/inbox.store';
export * from './inbox/inbox-pruner';
export * from './consumer/event-consumer';
export * from './consumer/event-consumer.settings';
export * from './consumer/dead-letter-message';
export * from './consumer/dead-letter.publisher';
export * from './consumer/raw-kafka-message';
export * from './consumer/start-event-consumer';
// Per-replica event feeds and the caches they keep sound
export * from './broadcast/fed-cache';
export * from './broadcast/replica-event-feed';
// Kafka plumbing
export * from './kafka/event-headers';
export * from './kafka/kafka-client.factory';
export * from './kafka/kafka-transport.options';
export * from './kafka/lazy-producer';
export * from './kafka/topic-admin';
export * from './common/backoff';
export * from './common/idle-poll-schedule';
export * from './common/map-limited';
// Prometheus hooks (the metrics themselves live in @metered/service-kit)
export * from './instrumentation/event-metrics';
// Nest wiring
export * from './event-outbox.service';
export * from './event-platform.lifecycle';
export * from './event-platform.module';
export * from './event-platform.options';
