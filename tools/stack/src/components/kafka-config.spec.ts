import { kafkaServerProperties, newKafkaClusterId, replicationFor } from './kafka-config';

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

describe('kafkaServerProperties of a three-node cluster', () => {
  const props = (nodeId: number) =>
    new Map(
      kafkaServerProperties({
        port: 19092 + 2 * (nodeId - 1),
        controllerPort: 19093 + 2 * (nodeId - 1),
        dataDir: `/tmp/k/${nodeId}`,
        nodeId,
        controllerPorts: [19093, 19095, 19097],
      })
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => line.split('=', 2) as [string, string]),
    );

  it('gives each node its id and ports, and all of them the same 3-voter quorum', () => {
    const second = props(2);
    expect(second.get('node.id')).toBe('2');
    expect(second.get('listeners')).toBe(
      'PLAINTEXT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095',
    );
    expect(second.get('log.dirs')).toBe('/tmp/k/2');
    expect(props(1).get('controller.quorum.voters')).toBe(
      '1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097',
    );
    expect(props(3).get('controller.quorum.voters')).toBe(props(1).get('controller.quorum.voters'));
  });

  it('replicates internal topics three times with two in sync, and keeps the broker default ISR at 1', () => {
    const first = props(1);
    expect(first.get('offsets.topic.replication.factor')).toBe('3');
    expect(first.get('transaction.state.log.min.isr')).toBe('2');
    expect(first.get('default.replication.factor')).toBe('3');
    expect(first.has('min.insync.replicas')).toBe(false);
  });
});

describe('replicationFor', () => {
  it('is min(3, brokers) copies, two of them in sync from three on', () => {
    expect(replicationFor(1)).toEqual({ factor: 1, minInsync: 1 });
    expect(replicationFor(2)).toEqual({ factor: 2, minInsync: 1 });
    expect(replicationFor(3)).toEqual({ factor: 3, minInsync: 2 });
    expect(replicationFor(5)).toEqual({ factor: 3, minInsync: 2 });
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
