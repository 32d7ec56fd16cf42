import { BackoffPolicy } from '../common/backoff';

export interface EventConsumerSettings {
  /** Handler runs per message before it is dead-lettered (first run included). */
  maxAttempts: number;
  /** Wait between handler runs. */
  backoff: BackoffPolicy;
  /** Values larger than this are dead-lettered without being parsed. */
  maxMessageBytes: number;
  /** At most this many bytes of the original value are kept on the dead-letter topic. */
  deadLetterMaxValueBytes: number;
}

export const DEFAULT_CONSUMER_SETTINGS: EventConsumerSettings = {
  maxAttempts: 5,
  backoff: { initialMs: 100, maxMs: 2000 },
  maxMessageBytes: 1024 * 1024,
  // base64 of this stays under Kafka's default 1 MB message limit
  deadLetterMaxValueBytes: 512 * 1024,
};
