import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readIdentityConfig } from './identity.config';

describe('identity settings: the token signing key', () => {
  it('is generated and stored when neither JWT_PRIVATE_KEY nor JWT_PRIVATE_KEY_FILE is set', () => {
    expect(readIdentityConfig({}).jwtPrivateKey).toBeNull();
  });

  it('comes from JWT_PRIVATE_KEY, with escaped newlines restored', () => {
    expect(readIdentityConfig({ JWT_PRIVATE_KEY: 'line1\\nline2' }).jwtPrivateKey).toBe(
      'line1\nline2',
    );
  });

  it('comes from the mounted secret named by JWT_PRIVATE_KEY_FILE (compose, Kubernetes)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'identity-key-')), 'private.pem');
    writeFileSync(file, '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    expect(readIdentityConfig({ JWT_PRIVATE_KEY_FILE: file }).jwtPrivateKey).toContain('abc');
  });
});

describe('identity settings: the bootstrap admin', () => {
  it('takes the password from the mounted secret named by BOOTSTRAP_ADMIN_PASSWORD_FILE', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'identity-admin-')), 'password');
    writeFileSync(file, 'Mounted-Pass-2026\n');
    const config = readIdentityConfig({
      BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com',
      BOOTSTRAP_ADMIN_PASSWORD_FILE: file,
    });
    expect(config.bootstrapAdmin).toEqual({
      email: 'admin@example.com',
      password: 'Mounted-Pass-2026',
    });
  });
});

describe('identity settings: the access token lifetime', () => {
  it('refuses a lifetime the other services would refuse (above the shared maximum)', () => {
    expect(() => readIdentityConfig({ ACCESS_TOKEN_TTL_SECONDS: '3601' })).toThrow(
      /ACCESS_TOKEN_TTL_SECONDS must be at most 3600/,
    );
    expect(readIdentityConfig({ ACCESS_TOKEN_TTL_SECONDS: '3600' }).accessTokenTtlSeconds).toBe(
      3600,
    );
  });
});
