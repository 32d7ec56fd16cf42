import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import {
  contractsCatalog,
  ReadingsAcceptedEvent,
  type ReadingsAcceptedPayload,
  Topics,
} from '@metered/contracts';
import {
  DeadLetterPublisher,
  DeadLetterReason,
  EventEnvelope,
  EventHeaders,
  EventRejectedError,
  errorMessage,
  RawKafkaMessage,
} from '@metered/event-platform';
import { KafkaBatchConsumer } from '../common/kafka-batch-consumer';
import { TELEMETRY_KAFKA } from '../common/telemetry-kafka';
import { DerivationService, type AcceptedBatch } from './derivation.service';

export const DERIVATION_GROUP = 'telemetry-derive';

/**
 * The consumer of the compact stream: `ReadingsAccepted` on `telemetry.device.v1`, keyed by
 * serial, so each device's state is owned by the consumer of its partition. A fetched batch
 * of a partition is derived in one pass (DerivationService). Other event types on the topic
 * are ignored; a message that is not a valid event is parked on the dead-letter topic.
 */
@Injectable()
export class DerivationConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumer: KafkaBatchConsumer;

  constructor(
    @Inject(TELEMETRY_KAFKA) kafka: Kafka,
    deadLetters: DeadLetterPublisher,
    private readonly derivation: DerivationService,
  ) {
    this.consumer = new KafkaBatchConsumer({
      groupId: DERIVATION_GROUP,
      topics: [Topics.TelemetryDevice],
      kafka,
      deadLetters,
      handle: (messages, park) => this.handle(messages, park),
    });
  }

  onApplicationBootstrap(): void {
    this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }

  private async handle(
    messages: RawKafkaMessage[],
    park: (message: RawKafkaMessage, reason: DeadLetterReason, error: string) => Promise<void>,
  ): Promise<void> {
    const accepted: AcceptedBatch[] = [];
    const refused: Array<[RawKafkaMessage, DeadLetterReason, string]> = [];
    for (const message of messages) {
      if (
        message.headers[EventHeaders.type] &&
        message.headers[EventHeaders.type] !== ReadingsAcceptedEvent.type
      )
        continue;
      if (!message.value || message.value.length === 0) {
        refused.push([message, 'empty-value', 'the message has no value']);
        continue;
      }
      try {
        const { envelope } = await contractsCatalog.decode(
          JSON.parse(message.value.toString('utf8')),
        );
        if (envelope.type !== ReadingsAcceptedEvent.type) continue;
        const event = envelope as EventEnvelope<ReadingsAcceptedPayload>;
        if (!event.causationId) {
          refused.push([
            message,
            'invalid-payload',
            'ReadingsAccepted without its ingest batch (causationId)',
          ]);
          continue;
        }
        accepted.push({ batchId: event.causationId, payload: event.payload });
      } catch (error) {
        if (error instanceof SyntaxError)
          refused.push([message, 'malformed-json', errorMessage(error)]);
        else if (error instanceof EventRejectedError)
          refused.push([message, error.reason, error.message]);
        else throw error;
      }
    }
    await this.derivation.derive(accepted);
    for (const [message, reason, error] of refused) await park(message, reason, error);
  }
}
