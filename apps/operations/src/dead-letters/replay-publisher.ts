import { Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  createKafka,
  createOrderedProducer,
  errorMessage,
  LazyProducer,
} from '@metered/event-platform';
import { readInfrastructureConfig, UnavailableError } from '@metered/service-kit';
import { ReplayMessage } from './domain/dead-letter';

/**
 * Puts a dead-lettered message back on its original topic. Acknowledged by every in-sync
 * replica (acks -1) before the replay counts as done; the same key lands it on the same
 * partition as the original.
 */
@Injectable()
export class ReplayPublisher implements OnModuleDestroy {
  private readonly producer = new LazyProducer(() =>
    createOrderedProducer(
      createKafka({
        clientId: 'operations-replay',
        brokers: readInfrastructureConfig().kafkaBrokers,
      }),
    ),
  );

  async publish(message: ReplayMessage): Promise<void> {
    try {
      const producer = await this.producer.get();
      await producer.send({
        topic: message.topic,
        acks: -1,
        messages: [{ key: message.key, value: message.value, headers: message.headers }],
      });
    } catch (error) {
      await this.producer.reset();
      throw new UnavailableError(`Kafka did not take the replay: ${errorMessage(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.producer.reset();
  }
}
