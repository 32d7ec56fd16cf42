import { StackError } from './errors';
import { startOrder } from './components/component-set';
import {
  DEFAULT_POSTGRES_PORT,
  infraUrls,
  isComponentName,
  plainUpNames,
  readSettings,
} from './settings';

describe('readSettings', () => {
  it('uses the default ports, a controller port next to Kafka and PostgreSQL away from 5432', () => {
    const { ports } = readSettings({});
    expect(ports).toEqual({
      kafka: 9092,
      kafkaController: 9093,
      mongo: 27017,
      ferretdbDebug: 8088,
      postgres: DEFAULT_POSTGRES_PORT,
      smtp: 1025,
      mailUi: 8025,
      fulfilmentSimulator: 3009,
    });
    expect(readSettings({ KAFKA_PORT: '19092' }).ports.kafkaController).toBe(19093);
    // Next to the gateway's port, so a helper's port block moves it along.
    expect(readSettings({ GATEWAY_PORT: '3600' }).ports.fulfilmentSimulator).toBe(3609);
  });

  it('runs the fulfilment simulator in a plain up unless FULFILMENT_SIMULATOR=off', () => {
    expect(plainUpNames(readSettings({}))).toContain('fulfilment-simulator');
    expect(plainUpNames(readSettings({ FULFILMENT_SIMULATOR: 'off' }))).not.toContain(
      'fulfilment-simulator',
    );
    expect(plainUpNames(readSettings({}), true)).toEqual(['ferretdb', 'kafka', 'mailpit']);
    expect(() => readSettings({ FULFILMENT_SIMULATOR: 'sometimes' })).toThrow(
      new StackError('FULFILMENT_SIMULATOR must be on or off, got "sometimes"'),
    );
  });

  it('runs one fulfilment simulator whatever the replica shape', () => {
    const settings = readSettings({ STACK_REPLICAS: '2', STACK_BROKERS: '3' });
    expect(startOrder(settings.shape).filter((name) => name.startsWith('fulfilment'))).toEqual([
      'fulfilment-simulator',
    ]);
    expect(isComponentName('fulfilment-simulator')).toBe(true);
    expect(isComponentName('fulfilment-simulator#2')).toBe(false);
  });

  it('rejects a port that is not a port number', () => {
    expect(() => readSettings({ MONGO_PORT: 'abc' })).toThrow(
      new StackError('MONGO_PORT must be a port number (1-65535), got "abc"'),
    );
    expect(() => readSettings({ SMTP_PORT: '70000' })).toThrow(StackError);
  });

  it('treats given infrastructure URLs as external and hands them to the apps unchanged', () => {
    const settings = readSettings({
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      SMTP_URL: 'smtp://mail:25',
      MAIL_CAPTURE_URL: 'http://mail:8025',
    });
    expect(settings.external).toEqual({
      kafkaBrokers: 'k1:9092,k2:9092',
      mongoUrl: undefined,
      smtpUrl: 'smtp://mail:25',
      mailCaptureUrl: 'http://mail:8025',
    });
    expect(infraUrls(settings)).toEqual({
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      MONGO_URL: 'mongodb://127.0.0.1:27017',
      SMTP_URL: 'smtp://mail:25',
      MAIL_CAPTURE_URL: 'http://mail:8025',
    });
  });

  it('keeps running what STACK_MANAGED lists although its URL is set (test workers)', () => {
    const settings = readSettings({
      KAFKA_BROKERS: '127.0.0.1:19092',
      KAFKA_PORT: '19092',
      STACK_MANAGED: 'kafka,mailpit',
    });
    expect(settings.external.kafkaBrokers).toBeUndefined();
  });

  it('ignores a capture URL without an external SMTP server: the local Mailpit has its own', () => {
    const settings = readSettings({
      MAIL_CAPTURE_URL: 'http://elsewhere:8025',
      MAIL_UI_PORT: '18025',
    });
    expect(infraUrls(settings).MAIL_CAPTURE_URL).toBe('http://127.0.0.1:18025');
  });

  it('accepts only postgresql or sqlite as backend', () => {
    expect(readSettings({ STACK_DB_BACKEND: 'sqlite' }).dbBackend).toBe('sqlite');
    expect(() => readSettings({ STACK_DB_BACKEND: 'mysql' })).toThrow(/STACK_DB_BACKEND/);
  });
});
