import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appComponent, upstreamEnv } from './components/app';
import { startOrder } from './components/component-set';
import { kafkaComponent } from './components/kafka';
import { stopPolicy } from './components/stop-policy';
import { StackError } from './errors';
import { expandNames, infraUrls, isComponentName, readSettings } from './settings';
import {
  brokerPorts,
  forgetShape,
  parseInstance,
  readShape,
  replicaPort,
  saveShape,
} from './shape';

describe('stack shape', () => {
  let stackDir: string;
  beforeEach(() => {
    stackDir = mkdtempSync(join(tmpdir(), 'shape-'));
  });
  afterEach(() => rmSync(stackDir, { recursive: true, force: true }));

  it('is one of each by default, and what STACK_REPLICAS / STACK_BROKERS say', () => {
    expect(readShape({}, stackDir)).toEqual({ replicas: 1, brokers: 1 });
    expect(readShape({ STACK_REPLICAS: '2', STACK_BROKERS: '3' }, stackDir)).toEqual({
      replicas: 2,
      brokers: 3,
    });
    expect(() => readShape({ STACK_BROKERS: '0' }, stackDir)).toThrow(StackError);
    expect(() => readShape({ STACK_REPLICAS: 'two' }, stackDir)).toThrow(/STACK_REPLICAS/);
  });

  it('remembers the shape of the last up until everything is down', () => {
    saveShape(stackDir, { replicas: 2, brokers: 3 });
    expect(readShape({}, stackDir)).toEqual({ replicas: 2, brokers: 3 });
    expect(readShape({ STACK_BROKERS: '1' }, stackDir)).toEqual({ replicas: 2, brokers: 1 });
    forgetShape(stackDir);
    expect(readShape({}, stackDir)).toEqual({ replicas: 1, brokers: 1 });
  });

  it('names the second instance on: ordering, ordering#2, kafka#3', () => {
    expect(parseInstance('ordering')).toEqual({ base: 'ordering', index: 1 });
    expect(parseInstance('ordering#2')).toEqual({ base: 'ordering', index: 2 });
    expect(parseInstance('ordering#x')).toBeUndefined();
    expect(isComponentName('kafka#3')).toBe(true);
    expect(isComponentName('ordering#2')).toBe(true);
    expect(isComponentName('ordering#1')).toBe(false);
    expect(isComponentName('ferretdb#2')).toBe(false);
    expect(isComponentName('redis#2')).toBe(false);
    expect(stopPolicy('kafka#2')).toEqual(stopPolicy('kafka'));
  });

  it('puts replicas on port + 50 and brokers on KAFKA_PORT + 2 with controllers + 2', () => {
    expect(replicaPort(3003, 1)).toBe(3003);
    expect(replicaPort(3003, 2)).toBe(3053);
    expect(brokerPorts({ kafka: 10092, kafkaController: 10093 }, 3)).toEqual({
      kafka: 10096,
      controller: 10097,
    });
  });

  it('expands plain names to every instance of the shape, and keeps one instance as named', () => {
    const shape = { replicas: 2, brokers: 3 };
    expect(expandNames(['kafka', 'ferretdb', 'ordering', 'gateway#2'], shape)).toEqual([
      'kafka',
      'kafka#2',
      'kafka#3',
      'ferretdb',
      'ordering',
      'ordering#2',
      'gateway#2',
    ]);
    expect(expandNames(['kafka', 'ordering'], { replicas: 1, brokers: 1 })).toEqual([
      'kafka',
      'ordering',
    ]);
    expect(startOrder(shape).slice(0, 6)).toEqual([
      'postgres',
      'ferretdb',
      'kafka',
      'kafka#2',
      'kafka#3',
      'mailpit',
    ]);
    expect(startOrder(shape).slice(-2)).toEqual(['gateway', 'gateway#2']);
  });

  it('hands the apps all brokers and the gateway every replica of every service', () => {
    const settings = readSettings({
      STACK_DIR: stackDir,
      KAFKA_PORT: '10092',
      ORDERING_PORT: '3503',
      STACK_REPLICAS: '2',
      STACK_BROKERS: '3',
    });
    expect(infraUrls(settings).KAFKA_BROKERS).toBe(
      '127.0.0.1:10092,127.0.0.1:10094,127.0.0.1:10096',
    );
    expect(upstreamEnv(settings.env, settings.shape).ORDERING_UPSTREAMS).toBe(
      'http://127.0.0.1:3503,http://127.0.0.1:3553',
    );
    expect(upstreamEnv(settings.env, { replicas: 1, brokers: 3 })).toEqual({});

    const second = appComponent(settings, 'ordering', 2);
    expect(second.name).toBe('ordering#2');
    expect(second.ports.map((claim) => claim.port)).toEqual([3553]);
    expect(second.dependsOn).toEqual(['kafka', 'kafka#2', 'kafka#3', 'ferretdb', 'mailpit']);
    expect(appComponent(settings, 'gateway').dependsOn).toContain('ordering#2');

    const broker = kafkaComponent(settings, 3);
    expect(broker.name).toBe('kafka#3');
    expect(broker.ports.map((claim) => claim.port)).toEqual([10096, 10097]);
    expect(broker.url).toBe('127.0.0.1:10096');
  });

  it('leaves the default shape exactly as it was: one broker, no replica settings', () => {
    const settings = readSettings({ STACK_DIR: stackDir });
    expect(infraUrls(settings).KAFKA_BROKERS).toBe('127.0.0.1:9092');
    const gateway = appComponent(settings, 'gateway');
    expect(gateway.name).toBe('gateway');
    expect(gateway.dependsOn).toEqual([
      'kafka',
      'ferretdb',
      'mailpit',
      'identity',
      'registry',
      'ordering',
      'notifications',
      'operations',
      'telemetry',
    ]);
    expect(gateway.fingerprint()).not.toMatch(/UPSTREAMS|KAFKA_REPLICATION_FACTOR/);
    expect(kafkaComponent(settings).name).toBe('kafka');
  });
});
