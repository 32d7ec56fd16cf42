import { kafkaServerProperties, newKafkaClusterId } from './kafka-config';

describe('kafkaServerProperties', () => {
  const text = kafkaServerProperties({ port: 19092, controllerPort: 19093, dataDir: '/tmp/k' });
  const props = new Map(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('=', 2) as [string, string]),
  );

  it('listens on loopback with the broker and controller ports it is given', () => {
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
  });

  it('never creates topics implicitly and starts consumer groups without delay', () => {
    expect(props.get('auto.create.topics.enable')).toBe('false');
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(props.get('offsets.topic.replication.factor')).toBe('1');
  });
});

describe('newKafkaClusterId', () => {
  it('is 22 url-safe characters, different each time', () => {
    const id = newKafkaClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newKafkaClusterId()).not.toBe(id);
  });
});

describe('Kafka cluster ids', () => {
  it('never start with "-", which the storage tool would take for an option', () => {
    const draws = [Buffer.from([0xf8, ...Array(15).fill(1)]), Buffer.from(Array(16).fill(7))];
    const id = newKafkaClusterId(() => draws.shift() as Buffer);
    expect(Buffer.from([0xf8]).toString('base64url').startsWith('-')).toBe(true);
    expect(id.startsWith('-')).toBe(false);
    expect(id).toBe(Buffer.from(Array(16).fill(7)).toString('base64url'));
  });

  it('are 22 base64url characters (16 bytes)', () => {
    expect(newKafkaClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });
});
