import { Controller, Inject, Logger } from '@nestjs/common';
import {
  Ctx,
  EventPattern,
  KafkaContext,
  KafkaRetriableException,
  Payload,
} from '@nestjs/microservices';
import { deadLetterTopic, errorMessage, rawMessageOf } from '@metered/event-platform';
import { isDatabaseUnavailable } from '@metered/service-kit';
import { CONSUMING_SERVICES } from '../config/operations.config';
import { DeadLettersService } from './dead-letters.service';

export const DEAD_LETTER_TOPICS = CONSUMING_SERVICES.map((service) => deadLetterTopic(service));

/**
 * Kafka handler for every service's dead-letter topic. A parked copy is not an event
 * envelope but the failed message itself with `dlq-*` headers, so it is read as raw bytes
 * here rather than through EventConsumer. Storing is idempotent (the id derives from the
 * copy's offset); when the database is away the offset is not committed and it comes again.
 */
@Controller()
export class DeadLettersEvents {
  private readonly logger = new Logger(DeadLettersEvents.name);

  constructor(@Inject(DeadLettersService) private readonly deadLetters: DeadLettersService) {}

  @EventPattern(DEAD_LETTER_TOPICS)
  async onDeadLetter(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    const raw = rawMessageOf(context);
    try {
      await this.deadLetters.park({
        topic: raw.topic,
        partition: raw.partition,
        offset: raw.offset,
        key: raw.key,
        // The platform parks values as text (base64 for binary), so this is lossless.
        value: raw.value === null ? null : raw.value.toString('utf8'),
        headers: raw.headers,
      });
    } catch (error) {
      // Database away: do not commit, the copy comes again. Anything else would fail forever
      // and block the partition: logged loudly and skipped (the copy stays on the topic).
      if (isDatabaseUnavailable(error)) {
        throw new KafkaRetriableException(`dead letter not stored: ${errorMessage(error)}`);
      }
      this.logger.error(
        `dead letter ${raw.topic}/${raw.partition}/${raw.offset} not stored: ${errorMessage(error)}`,
      );
    }
  }
}
