import { mongoUriFor, readInfrastructureConfig, servicePort } from './infrastructure.config';

describe('readInfrastructureConfig', () => {
  it('uses the local stack defaults when nothing is set', () => {
    const config = readInfrastructureConfig({});
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(config.mongoUrl).toBe('mongodb://127.0.0.1:27017');
    expect(config.topicPartitions).toBe(3);
  });

  it('splits a broker list and trims blanks', () => {
    const config = readInfrastructureConfig({ KAFKA_BROKERS: ' a:1, b:2 ,' });
    expect(config.kafkaBrokers).toEqual(['a:1', 'b:2']);
  });

  it('refuses a partition count that is not a positive whole number', () => {
    expect(() => readInfrastructureConfig({ KAFKA_TOPIC_PARTITIONS: '0' })).toThrow(
      /KAFKA_TOPIC_PARTITIONS must be a positive whole number/,
    );
  });

  it('gives each service its own database under the prefix, keeping URL options', () => {
    const config = readInfrastructureConfig({
      MONGO_URL: 'mongodb://db:27017/?replicaSet=rs0',
      MONGO_DB_PREFIX: 'metered_test',
    });
    expect(mongoUriFor('ordering', config)).toBe(
      'mongodb://db:27017/metered_test_ordering?replicaSet=rs0',
    );
  });

  it('reads a service port override', () => {
    expect(servicePort('ordering', { ORDERING_PORT: '4003' })).toBe(4003);
    expect(servicePort('ordering', {})).toBe(3003);
  });
});
