import { Controller, Get, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { portalOrigin, useSecurityHeaders } from './security-headers';

@Controller('probe')
class ProbeController {
  @Get()
  get() {
    return { ip: 'ok' };
  }
}

describe('security headers', () => {
  let app: INestApplication;
  const env = { PORTAL_URL: 'https://portal.example.com/' } as NodeJS.ProcessEnv;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ProbeController] }).compile();
    app = moduleRef.createNestApplication();
    useSecurityHeaders(app, env);
    await app.init();
  });

  afterAll(() => app.close());

  it('takes the portal origin from PORTAL_URL', () => {
    expect(portalOrigin(env)).toBe('https://portal.example.com');
    expect(portalOrigin({ GATEWAY_PORT: '4000' } as NodeJS.ProcessEnv)).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it("sends helmet's headers with a CSP for the portal, and no X-Powered-By", async () => {
    const response = await request(app.getHttpServer()).get('/probe').expect(200);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('answers a preflight from the portal with CORS headers', async () => {
    const response = await request(app.getHttpServer())
      .options('/probe')
      .set('Origin', 'https://portal.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://portal.example.com');
    expect(response.headers['access-control-allow-headers']).toContain('Authorization');
  });

  it('gives any other origin no Access-Control-Allow-Origin', async () => {
    const preflight = await request(app.getHttpServer())
      .options('/probe')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await request(app.getHttpServer())
      .get('/probe')
      .set('Origin', 'https://evil.example')
      .expect(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });
});
