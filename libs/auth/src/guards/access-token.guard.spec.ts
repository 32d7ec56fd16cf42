import 'reflect-metadata';
import { Controller, Get, INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { Test } from '@nestjs/testing';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DomainErrorFilter } from '@metered/service-kit';
import {
  generateTestKeyPair,
  resignedWith,
  signRs256,
  tamperedClaims,
  testClaims,
  withAlgNone,
  withHs256PublicKey,
} from '../../testing/token-forgery';
import { AuthenticatedUser } from '../authenticated-user';
import { AUTH_SETTINGS, resolveAuthSettings } from '../auth.settings';
import { CurrentUser } from '../decorators/current-user.decorator';
import { Authenticated } from '../decorators/authenticated.decorator';
import { Roles } from '../decorators/roles.decorator';
import { JwksKeyCache } from '../jwks/jwks-key-cache';
import { loadJwks } from '../jwks/jwks-loader';
import { IssuedSessions } from '../revocation/issued-sessions';
import { RevokedSessionsStore } from '../revocation/revoked-sessions.store';
import { AccessTokenStrategy } from '../strategy/access-token.strategy';
import { AccessTokenGuard } from './access-token.guard';

@Controller('probe')
class ProbeController {
  @Get('open')
  open() {
    return { open: true };
  }

  @Authenticated()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }

  @Roles('validator', 'admin')
  @Get('validators')
  validators() {
    return { ok: true };
  }
}

/**
 * Identity's JWKS endpoint stand-in; `up = false` makes it fail like a crashed identity. It
 * also answers `GET /auth/session`: every session is active unless `sessions` says otherwise.
 */
function jwksServer(keys: object[]) {
  const state = {
    up: true,
    requests: 0,
    sessionLookups: 0,
    sessions: new Map<string, 'active' | 'ended' | 'unknown'>(),
  };
  const server = createServer((req, res) => {
    if (req.url === '/auth/session') {
      state.sessionLookups += 1;
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const sid = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid;
      const answer = { sessionId: sid, state: state.sessions.get(sid) ?? 'active' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      return;
    }
    state.requests += 1;
    if (!state.up) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  return { server, state };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/jwks.json`;
}

async function probeApp(jwksUrl: string, revoked: Set<string>): Promise<INestApplication> {
  const settings = resolveAuthSettings({
    jwksUrl,
    sessionLookupUrl: jwksUrl.replace('/auth/jwks.json', '/auth/session'),
    // Generous: on a loaded machine a 1 s lookup of the local stub can time out (503).
    jwksFetchTimeoutMs: 10_000,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [PassportModule],
    controllers: [ProbeController],
    providers: [
      { provide: AUTH_SETTINGS, useValue: settings },
      {
        provide: JwksKeyCache,
        useValue: new JwksKeyCache(() => loadJwks(jwksUrl, 1_000), {
          unknownKidRefetchIntervalMs: 30_000,
          keysMaxAgeMs: 600_000,
          failureRetryMs: 2_000,
        }),
      },
      // The database-backed store is exercised end to end in test/e2e/auth.
      {
        provide: RevokedSessionsStore,
        useValue: { isRevoked: async (sid: string) => revoked.has(sid) },
      },
      IssuedSessions,
      AccessTokenStrategy,
      { provide: APP_GUARD, useClass: AccessTokenGuard },
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useGlobalFilters(new DomainErrorFilter());
  await app.init();
  return app;
}

describe('AccessTokenGuard with the passport-jwt strategy', () => {
  const identityKey = generateTestKeyPair();
  const attackerKey = generateTestKeyPair(identityKey.kid);
  const jwks = jwksServer([identityKey.publicJwk]);
  const revoked = new Set<string>();
  let app: INestApplication;

  const get = (path: string, token?: string) => {
    const call = request(app.getHttpServer()).get(path);
    return token === undefined ? call : call.set('Authorization', `Bearer ${token}`);
  };
  const valid = (claims: Record<string, unknown> = {}) =>
    signRs256(identityKey, testClaims(claims));

  beforeAll(async () => {
    app = await probeApp(await listen(jwks.server), revoked);
  });

  afterAll(async () => {
    await app.close();
    jwks.server.close();
  });

  it('leaves endpoints without @Authenticated open', async () => {
    await get('/probe/open').expect(200, { open: true });
  });

  it('accepts a token signed by identity and hands the caller to the handler', async () => {
    const claims = testClaims({ roles: ['customer'], email: 'Mixed@Example.com' });
    const response = await get('/probe/me', signRs256(identityKey, claims)).expect(200);
    expect(response.body).toEqual({
      userId: claims.sub,
      sessionId: claims.sid,
      roles: ['customer'],
      accountId: 'ACC-TEST',
      country: 'DE',
      email: 'mixed@example.com',
    });
  });

  it('answers 401 with a bare Bearer challenge when no token is sent', async () => {
    const response = await get('/probe/me').expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="metered-supplies"');
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'missing bearer access token',
    });
  });

  it.each([
    [
      'an expired token',
      () => signRs256(identityKey, testClaims(), { expiresInSeconds: -60 }),
      /expired/,
    ],
    [
      'a wrong issuer',
      () => signRs256(identityKey, testClaims(), { issuer: 'someone-else' }),
      /issuer/,
    ],
    [
      'a wrong audience',
      () => signRs256(identityKey, testClaims(), { audience: 'other-app' }),
      /audience/,
    ],
    [
      'a token not valid before a future nbf',
      () => valid({ nbf: Math.floor(Date.now() / 1000) + 600 }),
      /not valid yet/,
    ],
    [
      'a token issued in the future (iat)',
      () => valid({ iat: Math.floor(Date.now() / 1000) + 600 }),
      /iat in the future/,
    ],
    ['alg none', () => withAlgNone(valid(), { roles: ['admin'] }), /algorithm "none"/],
    [
      'HS256 keyed with the public key',
      () => withHs256PublicKey(valid(), identityKey.publicKeyPem),
      /algorithm "HS256"/,
    ],
    [
      'a signature by another key under the same kid',
      () => resignedWith(valid(), attackerKey.privateKey),
      /signature/,
    ],
    [
      'claims edited after signing',
      () => tamperedClaims(valid(), { roles: ['admin'] }),
      /signature/,
    ],
    [
      'a kid identity never published',
      () => signRs256(generateTestKeyPair(), testClaims()),
      /unknown key/,
    ],
    ['claims without a session id', () => valid({ sid: undefined }), /"sid"/],
    ['something that is not a JWT', () => 'not-a-token', /not a JWT/],
  ])('refuses %s with 401 and an invalid_token challenge', async (_case, token, message) => {
    const response = await get('/probe/me', token()).expect(401);
    expect(response.body.message).toMatch(message);
    expect(response.headers['www-authenticate']).toMatch(
      /^Bearer realm="metered-supplies", error="invalid_token"/,
    );
  });

  it('tolerates a few seconds of clock skew past exp', async () => {
    const now = Math.floor(Date.now() / 1000);
    await get('/probe/me', signRs256(identityKey, testClaims({ exp: now - 2 }))).expect(200);
  });

  it('refuses tokens of a revoked session', async () => {
    const claims = testClaims();
    const token = signRs256(identityKey, claims);
    await get('/probe/me', token).expect(200);
    revoked.add(claims.sid as string);
    const response = await get('/probe/me', token).expect(401);
    expect(response.body.message).toMatch(/session that has ended/);
  });

  it('refuses a validly signed token naming a session identity never issued, asking identity once', async () => {
    const claims = testClaims();
    jwks.state.sessions.set(claims.sid as string, 'unknown');
    const before = jwks.state.sessionLookups;
    const token = signRs256(identityKey, claims);
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await get('/probe/me', token).expect(401);
      expect(response.body.message).toMatch(/session identity never issued/);
    }
    expect(jwks.state.sessionLookups - before).toBe(1);
  });

  it('asks identity once per session, then answers from memory', async () => {
    const claims = testClaims();
    const before = jwks.state.sessionLookups;
    for (let attempt = 0; attempt < 3; attempt++) {
      await get('/probe/me', signRs256(identityKey, claims)).expect(200);
    }
    expect(jwks.state.sessionLookups - before).toBe(1);
  });

  it('refuses a session identity reports ended', async () => {
    const claims = testClaims();
    jwks.state.sessions.set(claims.sid as string, 'ended');
    const response = await get('/probe/me', signRs256(identityKey, claims)).expect(401);
    expect(response.body.message).toMatch(/session that has ended/);
  });

  it('answers 403 when the user lacks every listed role, 200 with one of them', async () => {
    const response = await get('/probe/validators', valid({ roles: ['customer'] })).expect(403);
    expect(response.body.message).toMatch(/validator, admin/);
    expect(response.headers['www-authenticate']).toMatch(/insufficient_scope/);
    await get('/probe/validators', valid({ roles: ['helpdesk', 'validator'] })).expect(200);
  });

  it('answers 401, not 403, on a role-restricted endpoint without a valid token', async () => {
    await get('/probe/validators').expect(401);
    await get('/probe/validators', withAlgNone(valid({ roles: ['admin'] }))).expect(401);
  });

  it('never accepts when identity is down and the key is unknown: 503 with Retry-After', async () => {
    const down = jwksServer([identityKey.publicJwk]);
    down.state.up = false;
    const isolated = await probeApp(await listen(down.server), revoked);
    try {
      const response = await request(isolated.getHttpServer())
        .get('/probe/me')
        .set('Authorization', `Bearer ${valid()}`)
        .expect(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body.error).toBe('UnavailableError');
    } finally {
      await isolated.close();
      down.server.close();
    }
  });
});
