import { deadLetterFromParked, replayMessageOf, replayRefusal } from './dead-letter';

const parked = {
  topic: 'notifications.dead-letter.v1',
  partition: 1,
  offset: '42',
  key: 'SERIAL123',
  value: Buffer.from([0xff, 0xfe, 0x00]).toString('base64'),
  headers: {
    'event-id': 'e-1',
    'dlq-reason': 'malformed-json',
    'dlq-error': 'Unexpected token',
    'dlq-original-topic': 'ordering.order.v1',
    'dlq-original-partition': '2',
    'dlq-original-offset': '7',
    'dlq-consumer-group': 'notifications',
    'dlq-attempts': '0',
    'dlq-failed-at': '2026-11-27T08:00:00.000Z',
    'dlq-value-encoding': 'base64',
  },
};

describe('dead letters', () => {
  const now = new Date('2026-11-27T08:00:01.000Z');

  it('reads where a parked message came from, why it failed and its own headers', () => {
    const letter = deadLetterFromParked(parked, now);
    expect(letter).toMatchObject({
      originalTopic: 'ordering.order.v1',
      originalPartition: 2,
      originalOffset: '7',
      reason: 'malformed-json',
      error: 'Unexpected token',
      consumerGroup: 'notifications',
      valueEncoding: 'base64',
      status: 'parked',
      failedAt: new Date('2026-11-27T08:00:00.000Z'),
    });
    expect(letter.headers).toEqual([{ name: 'event-id', value: 'e-1' }]);
  });

  it('keeps what PostgreSQL cannot store: U+0000 in the error, the value as base64', () => {
    const letter = deadLetterFromParked(
      {
        ...parked,
        value: 'a\u0000b',
        headers: { ...parked.headers, 'dlq-value-encoding': 'utf8', 'dlq-error': 'x\u0000y' },
      },
      now,
    );
    expect(letter.error).toBe('x\uFFFDy');
    expect(letter.valueEncoding).toBe('base64');
    expect(replayMessageOf(letter, { userId: 'u' }).value).toEqual(Buffer.from('a\u0000b'));
  });

  it('gives one parked copy the same id every time it is delivered', () => {
    expect(deadLetterFromParked(parked, now).id).toBe(deadLetterFromParked(parked, now).id);
    expect(deadLetterFromParked({ ...parked, offset: '43' }, now).id).not.toBe(
      deadLetterFromParked(parked, now).id,
    );
  });

  it('replays the exact original bytes, key and headers, saying who replayed what', () => {
    const letter = deadLetterFromParked(parked, now);
    const message = replayMessageOf(letter, { userId: 'ops-1' });
    expect(message.topic).toBe('ordering.order.v1');
    expect(message.key).toBe('SERIAL123');
    expect(message.value).toEqual(Buffer.from([0xff, 0xfe, 0x00]));
    expect(message.headers).toEqual({
      'event-id': 'e-1',
      'x-replayed-by': 'ops-1',
      'x-replay-of': letter.id,
    });
  });

  it('refuses to replay what was replayed, truncated or has no known origin', () => {
    const letter = deadLetterFromParked(parked, now);
    expect(replayRefusal(letter)).toBeUndefined();
    expect(replayRefusal({ ...letter, status: 'replayed' })).toMatch(/already replayed/);
    expect(replayRefusal({ ...letter, truncated: true })).toMatch(/truncated/);
    expect(replayRefusal({ ...letter, originalTopic: null })).toMatch(/unknown/);
  });
});
