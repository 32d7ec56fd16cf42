import { assertSettings, settingsProblems } from '@metered/service-kit/config';
import { IDENTITY_SETTINGS } from './identity.settings';

const PRODUCTION = {
  NODE_ENV: 'production',
  KAFKA_BROKERS: 'kafka:9092',
  MONGO_URL: 'mongodb://mongo:27017/?replicaSet=rs0',
  PORTAL_URL: 'https://portal.example.com',
  BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com',
  BOOTSTRAP_ADMIN_PASSWORD: 'not-echoed-42',
  ACCESS_LINK_KEY: Buffer.alloc(32, 1).toString('base64'),
};

describe('identity settings', () => {
  it('start in development without PORTAL_URL (links then use the local gateway)', () => {
    expect(settingsProblems(IDENTITY_SETTINGS, { NODE_ENV: 'test' })).toEqual([]);
  });

  it('stop identity in production without PORTAL_URL instead of mailing 127.0.0.1 links', () => {
    const { PORTAL_URL: _unset, ...env } = PRODUCTION;
    expect(() => assertSettings(IDENTITY_SETTINGS, env)).toThrow(
      'identity cannot start in production (NODE_ENV=production): 1 setting(s) missing or invalid\n' +
        '  - PORTAL_URL is missing (required in production): the portal address in emailed set-password and reset links',
    );
  });

  it('need the bootstrap admin in production, so staff users can ever be created', () => {
    const { BOOTSTRAP_ADMIN_PASSWORD: _p, BOOTSTRAP_ADMIN_EMAIL: _e, ...env } = PRODUCTION;
    expect(settingsProblems(IDENTITY_SETTINGS, env)).toEqual([
      expect.stringMatching(/^BOOTSTRAP_ADMIN_EMAIL is missing/),
      expect.stringMatching(
        /^BOOTSTRAP_ADMIN_PASSWORD \(or BOOTSTRAP_ADMIN_PASSWORD_FILE\) is missing/,
      ),
    ]);
  });

  it('accept the admin password from a mounted secret file instead', () => {
    const { BOOTSTRAP_ADMIN_PASSWORD: _p, ...env } = PRODUCTION;
    expect(settingsProblems(IDENTITY_SETTINGS, env)).toEqual([
      'BOOTSTRAP_ADMIN_PASSWORD (or BOOTSTRAP_ADMIN_PASSWORD_FILE) is missing (required in production): the first admin’s initial password (from a Secret)',
    ]);
    const mounted = { ...env, BOOTSTRAP_ADMIN_PASSWORD_FILE: '/run/secrets/admin' };
    expect(settingsProblems(IDENTITY_SETTINGS, mounted)).toEqual([]);
  });

  it('accept a complete production environment', () => {
    expect(settingsProblems(IDENTITY_SETTINGS, PRODUCTION)).toEqual([]);
  });

  it('need the access-link key in production (or a mounted file)', () => {
    const { ACCESS_LINK_KEY: _k, ...env } = PRODUCTION;
    expect(settingsProblems(IDENTITY_SETTINGS, env)).toEqual([
      expect.stringMatching(/^ACCESS_LINK_KEY \(or ACCESS_LINK_KEY_FILE\) is missing/),
    ]);
    expect(
      settingsProblems(IDENTITY_SETTINGS, { ...env, ACCESS_LINK_KEY_FILE: '/run/secrets/key' }),
    ).toEqual([]);
  });
});
