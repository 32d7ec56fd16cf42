import { platformSettings } from './platform.settings';
import {
  assertSettings,
  connectionTargets,
  defineAppSettings,
  isDevelopment,
  SettingDeclaration,
  settingsProblems,
} from './settings-schema';

/** A small app like notifications: the platform's settings plus an SMTP relay and a sender. */
const NOTIFICATIONS_SETTINGS = defineAppSettings(
  'notifications',
  platformSettings('notifications'),
  [
    {
      name: 'SMTP_URL',
      kind: 'smtp-url',
      requirement: 'outside-development',
      description: 'the relay',
    },
    {
      name: 'EMAIL_FROM',
      kind: 'email',
      requirement: 'outside-development',
      description: 'sender',
    },
    {
      name: 'IDENTITY_URL',
      kind: 'service-url',
      service: 'identity',
      requirement: 'outside-development',
      description: 'keys',
    },
  ],
);

describe('settings schema', () => {
  it('counts only NODE_ENV=production as outside development', () => {
    expect(isDevelopment({})).toBe(true);
    expect(isDevelopment({ NODE_ENV: 'test' })).toBe(true);
    expect(isDevelopment({ NODE_ENV: 'production' })).toBe(false);
  });

  it('lists every missing setting in one message, only in production', () => {
    expect(settingsProblems(NOTIFICATIONS_SETTINGS, { NODE_ENV: 'test' })).toEqual([]);
    expect(() => assertSettings(NOTIFICATIONS_SETTINGS, { NODE_ENV: 'production' })).toThrow(
      [
        'notifications cannot start in production (NODE_ENV=production): 5 setting(s) missing or invalid',
        '  - KAFKA_BROKERS is missing (required in production): the Kafka brokers (events, and the Kafka readiness check)',
        '  - MONGO_URL is missing (required in production): the MongoDB server holding the app’s own database',
        '  - SMTP_URL is missing (required in production): the relay',
        '  - EMAIL_FROM is missing (required in production): sender',
        '  - IDENTITY_URL is missing (required in production): keys',
      ].join('\n'),
    );
  });

  it('refuses malformed values in any mode, without echoing secrets', () => {
    const secret: SettingDeclaration = {
      name: 'S',
      kind: 'secret',
      requirement: 'optional',
      description: 's',
    };
    const schema = defineAppSettings('notifications', NOTIFICATIONS_SETTINGS.settings, [secret]);
    expect(
      settingsProblems(schema, {
        SMTP_URL: 'http://mail:25',
        EMAIL_FROM: 'nobody',
        KAFKA_BROKERS: 'kafka',
        NOTIFICATIONS_PORT: '70000',
      }),
    ).toEqual([
      'KAFKA_BROKERS must be a comma separated list of host:port, got "kafka"',
      'NOTIFICATIONS_PORT must be a port number (1–65535), got "70000"',
      'SMTP_URL must be a smtp: or smtps: URL, got "http://mail:25"',
      'EMAIL_FROM must be an email address, bare or as "Name <address>", got "nobody"',
    ]);
    expect(
      settingsProblems(
        { app: 'identity', settings: [{ ...secret, kind: 'email' }] },
        {
          S: 'x',
        },
      ),
    ).toEqual(['S must be an email address, bare or as "Name <address>", got "x"']);
  });

  it('accepts a sender with a display name', () => {
    const env = { EMAIL_FROM: 'Metered Supplies <no-reply@example.com>' };
    expect(settingsProblems(NOTIFICATIONS_SETTINGS, env)).toEqual([]);
  });

  it('derives the host:port pairs a connection setting names', () => {
    const find = (name: string) =>
      NOTIFICATIONS_SETTINGS.settings.find((s) => s.name === name) as SettingDeclaration;
    expect(connectionTargets(find('KAFKA_BROKERS'), 'a:9092, b:9093')).toEqual([
      { setting: 'KAFKA_BROKERS', kind: 'kafka-brokers', host: 'a', port: 9092 },
      { setting: 'KAFKA_BROKERS', kind: 'kafka-brokers', host: 'b', port: 9093 },
    ]);
    expect(
      connectionTargets(find('MONGO_URL'), 'mongodb://u:p@m1:27017,m2/?replicaSet=rs0').map(
        (t) => `${t.host}:${t.port}`,
      ),
    ).toEqual(['m1:27017', 'm2:27017']);
    expect(connectionTargets(find('SMTP_URL'), 'smtp://relay.example.com')[0].port).toBe(587);
    expect(connectionTargets(find('IDENTITY_URL'), 'http://identity:3001')[0]).toMatchObject({
      host: 'identity',
      port: 3001,
    });
    expect(connectionTargets(find('EMAIL_FROM'), 'a@b')).toEqual([]);
  });
});
