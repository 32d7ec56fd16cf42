import { kafkaTransportOptions, PARTITIONS_CONSUMED_CONCURRENTLY } from './kafka-transport.options';

const infrastructure = { kafkaBrokers: ['127.0.0.1:9092'] };

describe('kafkaTransportOptions', () => {
  it('consumes several partitions side by side, in the service-named group', () => {
    const { options } = kafkaTransportOptions('ordering', infrastructure);
    expect(PARTITIONS_CONSUMED_CONCURRENTLY).toBe(4);
    expect(options?.run?.partitionsConsumedConcurrently).toBe(4);
    expect(options?.consumer?.groupId).toBe('ordering');
  });

  it('lets a caller choose the group and the concurrency', () => {
    const { options } = kafkaTransportOptions('ordering', infrastructure, {
      groupId: 'ordering-replay',
      partitionsConsumedConcurrently: 1,
    });
    expect(options?.run?.partitionsConsumedConcurrently).toBe(1);
    expect(options?.consumer?.groupId).toBe('ordering-replay');
  });
});
