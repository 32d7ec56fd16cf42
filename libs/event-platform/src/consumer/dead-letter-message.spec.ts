import { buildDeadLetterMessage } from './dead-letter-message';
import { RawKafkaMessage } from './raw-kafka-message';

const failedAt = new Date('2025-03-04T05:06:07.000Z');
const details = {
  reason: 'malformed-json' as const,
  error: 'Unexpected token',
  consumerGroup: 'ordering',
  attempts: 0,
  failedAt,
};

function raw(value: Buffer | null, headers: Record<string, string> = {}): RawKafkaMessage {
  return { topic: 'ordering.order.v1', partition: 2, offset: '41', key: 'order-1', value, headers };
}

describe('buildDeadLetterMessage', () => {
  it('keeps key, value and headers and says why, where from and when', () => {
    const message = buildDeadLetterMessage(
      raw(Buffer.from('not json'), { 'correlation-id': 'c-1' }),
      details,
      1024,
    );
    expect(message.key).toBe('order-1');
    expect(message.value).toBe('not json');
    expect(message.headers).toEqual({
      'correlation-id': 'c-1',
      'dlq-reason': 'malformed-json',
      'dlq-error': 'Unexpected token',
      'dlq-original-topic': 'ordering.order.v1',
      'dlq-original-partition': '2',
      'dlq-original-offset': '41',
      'dlq-consumer-group': 'ordering',
      'dlq-attempts': '0',
      'dlq-failed-at': '2025-03-04T05:06:07.000Z',
      'dlq-value-encoding': 'utf8',
    });
  });

  it('stores a value that is not UTF-8 as base64', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    const message = buildDeadLetterMessage(raw(bytes), details, 1024);
    expect(message.value).toBe(bytes.toString('base64'));
    expect(message.headers['dlq-value-encoding']).toBe('base64');
  });

  it('cuts a large value and records its original size', () => {
    const message = buildDeadLetterMessage(
      raw(Buffer.alloc(5000, 'a')),
      { ...details, reason: 'too-large' },
      100,
    );
    expect(message.value).toHaveLength(100);
    expect(message.headers).toMatchObject({ 'dlq-truncated': 'true', 'dlq-original-size': '5000' });
  });

  it('shortens a very long error text', () => {
    const message = buildDeadLetterMessage(
      raw(Buffer.from('x')),
      { ...details, error: 'e'.repeat(5000) },
      10,
    );
    expect(message.headers['dlq-error']).toHaveLength(2000);
  });

  it('keeps a tombstone as a null value', () => {
    expect(
      buildDeadLetterMessage(raw(null), { ...details, reason: 'empty-value' }, 10).value,
    ).toBeNull();
  });
});
