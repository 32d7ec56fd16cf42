import { createHash } from 'node:crypto';

/** Headers the platform adds when it parks a message (libs/event-platform DeadLetterHeaders). */
const DLQ_HEADER_PREFIX = 'dlq-';

export const DEAD_LETTER_STATUSES = ['parked', 'replaying', 'replayed'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

export interface MessageHeader {
  name: string;
  value: string;
}

/** A message a consumer could not process, as parked on `<service>.dead-letter.v1`. */
export interface DeadLetter {
  id: string;
  /** Where the parked copy sits. */
  deadLetterTopic: string;
  deadLetterPartition: number;
  deadLetterOffset: string;
  /** Where the message came from; a replay goes back there. */
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: string | null;
  key: string | null;
  /** The value as parked: text, or base64 when `valueEncoding` says so. */
  value: string | null;
  valueEncoding: 'utf8' | 'base64';
  /** The original headers (without the `dlq-*` ones). */
  headers: MessageHeader[];
  reason: string;
  error: string;
  consumerGroup: string;
  attempts: number;
  failedAt: Date;
  /** The parked copy lost the end of the value (too large): it cannot be replayed. */
  truncated: boolean;
  status: DeadLetterStatus;
  receivedAt: Date;
  replayedAt?: Date;
  replayedBy?: { userId: string; email: string };
}

export interface ParkedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** The same parked copy always gets the same id, so a redelivered DLQ message is stored once. */
export function deadLetterId(topic: string, partition: number, offset: string): string {
  return createHash('sha256').update(`${topic}/${partition}/${offset}`).digest('hex').slice(0, 32);
}

function integerOrNull(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  return Number(text);
}

/** PostgreSQL (under FerretDB) refuses U+0000 in strings: shown as U+FFFD instead. */
function storable(text: string): string {
  return text.includes('\u0000') ? text.split('\u0000').join('\uFFFD') : text;
}

/** A value with U+0000 is kept as base64, so the replay still sends the exact bytes. */
function storableValue(
  value: string | null,
  encoding: 'utf8' | 'base64',
): { value: string | null; valueEncoding: 'utf8' | 'base64' } {
  if (value === null || encoding === 'base64' || !value.includes('\u0000')) {
    return { value, valueEncoding: encoding };
  }
  return { value: Buffer.from(value, 'utf8').toString('base64'), valueEncoding: 'base64' };
}

/** Reads a parked message's `dlq-*` headers; tolerant, since anything may land on the topic. */
export function deadLetterFromParked(message: ParkedMessage, receivedAt: Date): DeadLetter {
  const h: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) h[storable(name)] = storable(value);
  const failedAt = new Date(h['dlq-failed-at'] ?? '');
  return {
    id: deadLetterId(message.topic, message.partition, message.offset),
    deadLetterTopic: message.topic,
    deadLetterPartition: message.partition,
    deadLetterOffset: message.offset,
    originalTopic: h['dlq-original-topic'] || null,
    originalPartition: integerOrNull(h['dlq-original-partition']),
    originalOffset:
      integerOrNull(h['dlq-original-offset']) === null ? null : h['dlq-original-offset'],
    key: message.key === null ? null : storable(message.key),
    ...storableValue(message.value, h['dlq-value-encoding'] === 'base64' ? 'base64' : 'utf8'),
    headers: Object.entries(h)
      .filter(([name]) => !name.startsWith(DLQ_HEADER_PREFIX))
      .map(([name, value]) => ({ name, value })),
    reason: h['dlq-reason'] ?? 'unknown',
    error: h['dlq-error'] ?? '',
    consumerGroup: h['dlq-consumer-group'] ?? message.topic.replace(/\.dead-letter\.v1$/, ''),
    attempts: integerOrNull(h['dlq-attempts']) ?? 0,
    failedAt: Number.isNaN(failedAt.getTime()) ? receivedAt : failedAt,
    truncated: h['dlq-truncated'] === 'true',
    status: 'parked',
    receivedAt,
  };
}

export interface ReplayMessage {
  topic: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/**
 * Why a dead letter cannot be replayed, or undefined when it can. Only parked ones can; a
 * cut value or an unknown origin would put something else on the topic than what failed.
 */
export function replayRefusal(letter: DeadLetter): string | undefined {
  if (letter.status !== 'parked') return `it was already ${letter.status}`;
  if (!letter.originalTopic) return 'its original topic is unknown';
  if (letter.truncated) return 'its parked copy was truncated (the message was too large)';
  return undefined;
}

/** The original message again: same key, value and headers, plus where the replay came from. */
export function replayMessageOf(letter: DeadLetter, replayedBy: { userId: string }): ReplayMessage {
  const headers: Record<string, string> = {};
  for (const header of letter.headers) headers[header.name] = header.value;
  headers['x-replayed-by'] = replayedBy.userId;
  headers['x-replay-of'] = letter.id;
  return {
    topic: letter.originalTopic ?? '',
    key: letter.key,
    value:
      letter.value === null
        ? null
        : Buffer.from(letter.value, letter.valueEncoding === 'base64' ? 'base64' : 'utf8'),
    headers,
  };
}
