import { LazyProducer } from '../kafka/lazy-producer';
import { DeadLetterMessage } from './dead-letter-message';

/** Writes parked messages to the service's dead-letter topic, waiting for all replicas. */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: LazyProducer,
    readonly topic: string,
  ) {}

  async publish(message: DeadLetterMessage): Promise<void> {
    try {
      const producer = await this.producer.get();
      await producer.send({ topic: this.topic, acks: -1, messages: [message] });
    } catch (error) {
      await this.producer.reset();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.producer.reset();
  }
}
