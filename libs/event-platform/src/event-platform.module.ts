import {
  DynamicModule,
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  Provider,
  RequestMethod,
} from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { readInfrastructureConfig } from '@metered/service-kit/config';
import { DeadLetterPublisher } from './consumer/dead-letter.publisher';
import { EventConsumer } from './consumer/event-consumer';
import { CorrelationMiddleware } from './correlation/correlation.middleware';
import { EventOutbox } from './event-outbox.service';
import { EventPlatformLifecycle, topicsFor } from './event-platform.lifecycle';
import {
  EVENT_PLATFORM_CONNECTION,
  EVENT_PLATFORM_KAFKA,
  EVENT_PLATFORM_OPTIONS,
  EventPlatformOptions,
  ResolvedEventPlatformOptions,
} from './event-platform.options';
import { InboxPruner } from './inbox/inbox-pruner';
import { EventPlatformMetrics } from './instrumentation/event-platform.metrics';
import { InboxStore } from './inbox/inbox.store';
import { DocumentLocks } from './locking/document-locks';
import { createKafka, createOrderedProducer } from './kafka/kafka-client.factory';
import { LazyProducer } from './kafka/lazy-producer';
import { TopicAdmin } from './kafka/topic-admin';
import { deadLetterTopic } from '@metered/events-core';
import { OutboxRelay } from './outbox/outbox-relay';

type Options = ResolvedEventPlatformOptions;

function database(connection: Connection) {
  return () => {
    if (!connection.db) throw new Error('the mongoose connection is not open');
    return connection.db;
  };
}

/**
 * Outbox relay, event consumer, inbox, topics and correlation ids for one service. The app
 * brings its own `MongooseModule.forRoot(mongoUriFor(service, config))`; this module uses
 * that connection. Consuming also needs the Kafka transport:
 * `app.connectMicroservice(kafkaTransportOptions(service, config))`.
 */
@Module({})
export class EventPlatformModule implements NestModule {
  constructor(@Inject(EVENT_PLATFORM_OPTIONS) private readonly options: Options) {}

  static forRoot(options: EventPlatformOptions): DynamicModule {
    const resolved: Options = {
      ...options,
      infrastructure: options.infrastructure ?? readInfrastructureConfig(),
    };
    deadLetterTopic(resolved.service); // validates the service name early
    const providers: Provider[] = [
      { provide: EVENT_PLATFORM_OPTIONS, useValue: resolved },
      {
        provide: EVENT_PLATFORM_CONNECTION,
        useExisting: getConnectionToken(options.connectionName),
      },
      {
        provide: EVENT_PLATFORM_KAFKA,
        useFactory: (o: Options) =>
          createKafka({ clientId: o.service, brokers: o.infrastructure.kafkaBrokers }),
        inject: [EVENT_PLATFORM_OPTIONS],
      },
      {
        provide: TopicAdmin,
        useFactory: (kafka: Kafka) => new TopicAdmin(kafka),
        inject: [EVENT_PLATFORM_KAFKA],
      },
      {
        provide: InboxStore,
        useFactory: (connection: Connection) => new InboxStore(database(connection)),
        inject: [EVENT_PLATFORM_CONNECTION],
      },
      {
        provide: DeadLetterPublisher,
        useFactory: (o: Options, kafka: Kafka) =>
          new DeadLetterPublisher(
            new LazyProducer(() => createOrderedProducer(kafka)),
            deadLetterTopic(o.service),
          ),
        inject: [EVENT_PLATFORM_OPTIONS, EVENT_PLATFORM_KAFKA],
      },
      {
        provide: EventConsumer,
        useFactory: (o: Options, inbox: InboxStore, deadLetters: DeadLetterPublisher) =>
          new EventConsumer({
            group: o.service,
            catalog: o.catalog,
            inbox,
            deadLetters,
            settings: o.consumer,
          }),
        inject: [EVENT_PLATFORM_OPTIONS, InboxStore, DeadLetterPublisher],
      },
      {
        provide: DocumentLocks,
        useFactory: (o: Options, connection: Connection) =>
          new DocumentLocks(database(connection), o.documentLocks),
        inject: [EVENT_PLATFORM_OPTIONS, EVENT_PLATFORM_CONNECTION],
      },
      {
        provide: OutboxRelay,
        useFactory: (
          o: Options,
          connection: Connection,
          kafka: Kafka,
          topics: TopicAdmin,
          locks: DocumentLocks,
        ) =>
          new OutboxRelay({
            service: o.service,
            db: database(connection),
            kafka,
            locks,
            settings: o.relay,
            beforePublish: () =>
              topics.ensureTopics(topicsFor(o), {
                partitions: o.infrastructure.topicPartitions,
                replicationFactor: o.infrastructure.topicReplicationFactor,
              }),
          }),
        inject: [
          EVENT_PLATFORM_OPTIONS,
          EVENT_PLATFORM_CONNECTION,
          EVENT_PLATFORM_KAFKA,
          TopicAdmin,
          DocumentLocks,
        ],
      },
      EventOutbox,
      EventPlatformLifecycle,
      InboxPruner,
      EventPlatformMetrics,
    ];
    return {
      module: EventPlatformModule,
      global: true,
      providers,
      exports: [
        EVENT_PLATFORM_OPTIONS,
        TopicAdmin,
        InboxStore,
        EventConsumer,
        OutboxRelay,
        EventOutbox,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (this.options.correlationMiddleware !== false) {
      consumer
        .apply(CorrelationMiddleware)
        .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
    }
  }
}
