/** The parts of Nest's KafkaContext the consumer reads (kept small for unit tests). */
export interface KafkaContextLike {
  getMessage(): { key?: unknown; value?: unknown; headers?: unknown; offset: string };
  getTopic(): string;
  getPartition(): number;
  getHeartbeat?(): () => Promise<void>;
}

/** A consumed message with value bytes and text headers, whatever Nest's parser did to it. */
export interface RawKafkaMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The exact bytes of the value; null for a tombstone. */
  value: Buffer | null;
  headers: Record<string, string>;
}

export function rawMessageOf(context: KafkaContextLike): RawKafkaMessage {
  const message = context.getMessage();
  return {
    topic: context.getTopic(),
    partition: context.getPartition(),
    offset: String(message.offset),
    key: message.key === undefined || message.key === null ? null : asText(message.key),
    value: valueBytes(message.value),
    headers: textHeaders(message.headers),
  };
}

/**
 * With `parser.keepBinary` (set by `kafkaTransportOptions`) the value is a Buffer. Without
 * it Nest hands over a string, or an object when the text looked like JSON — turned back
 * into bytes here so every path is parsed and dead-lettered the same way.
 */
export function valueBytes(value: unknown): Buffer | null {
  if (value === undefined || value === null) return null;
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** Nest decodes header bytes to strings (or to objects when they look like JSON). */
export function textHeaders(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return result;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    result[name] = Array.isArray(value) ? value.map(asText).join(',') : asText(value);
  }
  return result;
}

function asText(value: unknown): string {
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
