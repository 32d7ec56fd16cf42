import { DeadLetterReason } from '@metered/events-core';
import { RawKafkaMessage } from './raw-kafka-message';

export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
  valueEncoding: 'dlq-value-encoding',
  originalSize: 'dlq-original-size',
  truncated: 'dlq-truncated',
} as const;

export interface DeadLetterDetails {
  reason: DeadLetterReason;
  error: string;
  consumerGroup: string;
  /** Handler attempts made; 0 when the message was refused before any handler ran. */
  attempts: number;
  failedAt: Date;
}

export interface DeadLetterMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

const MAX_ERROR_LENGTH = 2000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The parked copy of a message: same key (so a replay lands on the same partition), the
 * original value as text (base64 when it is not UTF-8, cut at `maxValueBytes`), the
 * original headers plus `dlq-*` headers saying why, where from and when.
 */
export function buildDeadLetterMessage(
  raw: RawKafkaMessage,
  details: DeadLetterDetails,
  maxValueBytes: number,
): DeadLetterMessage {
  const headers: Record<string, string> = {
    ...raw.headers,
    [DeadLetterHeaders.reason]: details.reason,
    [DeadLetterHeaders.error]: details.error.slice(0, MAX_ERROR_LENGTH),
    [DeadLetterHeaders.originalTopic]: raw.topic,
    [DeadLetterHeaders.originalPartition]: String(raw.partition),
    [DeadLetterHeaders.originalOffset]: raw.offset,
    [DeadLetterHeaders.consumerGroup]: details.consumerGroup,
    [DeadLetterHeaders.attempts]: String(details.attempts),
    [DeadLetterHeaders.failedAt]: details.failedAt.toISOString(),
  };
  if (raw.value === null) return { key: raw.key, value: null, headers };
  let stored = raw.value;
  if (stored.length > maxValueBytes) {
    stored = stored.subarray(0, maxValueBytes);
    headers[DeadLetterHeaders.truncated] = 'true';
    headers[DeadLetterHeaders.originalSize] = String(raw.value.length);
  }
  try {
    const text = strictUtf8.decode(stored);
    headers[DeadLetterHeaders.valueEncoding] = 'utf8';
    return { key: raw.key, value: text, headers };
  } catch {
    headers[DeadLetterHeaders.valueEncoding] = 'base64';
    return { key: raw.key, value: stored.toString('base64'), headers };
  }
}
