import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import type { Connection } from 'mongoose';
import { errorMessage } from './common/backoff';
import { DeadLetterPublisher } from './consumer/dead-letter.publisher';
import {
  EVENT_PLATFORM_CONNECTION,
  EVENT_PLATFORM_OPTIONS,
  ResolvedEventPlatformOptions,
} from './event-platform.options';
import { InboxStore } from './inbox/inbox.store';
import { TopicAdmin } from './kafka/topic-admin';
import { deadLetterTopic } from '@metered/events-core';
import { OutboxRelay } from './outbox/outbox-relay';
import { OUTBOX_PENDING_INDEX } from './outbox/outbox.plugin';

/** The topics a service needs: its catalog's, any extras, and its own dead-letter topic. */
export function topicsFor(options: ResolvedEventPlatformOptions): string[] {
  return [
    ...new Set([
      ...options.catalog.topics(),
      ...(options.topics ?? []),
      deadLetterTopic(options.service),
    ]),
  ];
}

/**
 * Start-up and shut-down order: indexes and topics before the Kafka consumer subscribes
 * (call `app.init()` before `app.startAllMicroservices()`), the relay once the app is up,
 * and the relay stopped (lease handed over) before the database connection closes.
 */
@Injectable()
export class EventPlatformLifecycle
  implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy
{
  private readonly logger = new Logger('EventPlatform');

  constructor(
    @Inject(EVENT_PLATFORM_OPTIONS) private readonly options: ResolvedEventPlatformOptions,
    @Inject(EVENT_PLATFORM_CONNECTION) private readonly connection: Connection,
    @Inject(InboxStore) private readonly inbox: InboxStore,
    @Inject(TopicAdmin) private readonly topicAdmin: TopicAdmin,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(DeadLetterPublisher) private readonly deadLetters: DeadLetterPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.inbox.ensureIndexes();
    for (const name of this.options.outboxCollections ?? []) {
      await this.connection.collection(name).createIndex(OUTBOX_PENDING_INDEX);
      this.relay.register(name);
    }
    try {
      await this.topicAdmin.ensureTopics(topicsFor(this.options), this.topicSettings());
    } catch (error) {
      // Kafka down at start-up: the HTTP side still works and stores events; the relay
      // creates the topics before its first publish.
      this.logger.warn(`could not create topics yet: ${errorMessage(error)}`);
    }
  }

  onApplicationBootstrap(): void {
    if (this.options.relay?.enabled !== false) this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    await this.deadLetters.close();
  }

  topicSettings() {
    return {
      partitions: this.options.infrastructure.topicPartitions,
      replicationFactor: this.options.infrastructure.topicReplicationFactor,
    };
  }
}
