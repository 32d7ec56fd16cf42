import { API_ROUTES, ownerOfServicePath, resolveApiRoute } from './api-routes';

describe('resolveApiRoute', () => {
  it('forwards a segment to the service that owns it, without /api, keeping the query', () => {
    expect(resolveApiRoute('/api/registrations/r-1/approve?dry=1')).toEqual({
      kind: 'proxy',
      service: 'identity',
      segment: 'registrations',
      upstreamPath: '/registrations/r-1/approve?dry=1',
    });
    expect(resolveApiRoute('/api/supply-items?model=X1')).toMatchObject({
      service: 'registry',
      upstreamPath: '/supply-items?model=X1',
    });
    expect(resolveApiRoute('/api/orders')).toMatchObject({
      service: 'ordering',
      upstreamPath: '/orders',
    });
    expect(resolveApiRoute('/api/emails/')).toMatchObject({
      service: 'notifications',
      upstreamPath: '/emails/',
    });
  });

  it('leaves the gateway its own segments: health and the OpenAPI document', () => {
    expect(resolveApiRoute('/api/health')).toEqual({ kind: 'gateway', segment: 'health' });
    expect(resolveApiRoute('/api/docs/swagger-ui.css')).toEqual({
      kind: 'gateway',
      segment: 'docs',
    });
    expect(resolveApiRoute('/api/docs-json')).toEqual({ kind: 'gateway', segment: 'docs-json' });
  });

  it('calls an unowned segment and the bare prefix unknown, so they get a JSON 404', () => {
    expect(resolveApiRoute('/api/nope/1')).toEqual({ kind: 'unknown', segment: 'nope' });
    expect(resolveApiRoute('/api')).toEqual({ kind: 'unknown', segment: '' });
    expect(resolveApiRoute('/api/')).toEqual({ kind: 'unknown', segment: '' });
    expect(resolveApiRoute('/api/constructor')).toEqual({
      kind: 'unknown',
      segment: 'constructor',
    });
    expect(resolveApiRoute('/api/Auth/login')).toEqual({ kind: 'unknown', segment: 'Auth' });
  });

  it('leaves paths outside /api to the portal and the health endpoints', () => {
    expect(resolveApiRoute('/')).toEqual({ kind: 'outside' });
    expect(resolveApiRoute('/register')).toEqual({ kind: 'outside' });
    expect(resolveApiRoute('/apis/x')).toEqual({ kind: 'outside' });
    expect(resolveApiRoute('/health/ready')).toEqual({ kind: 'outside' });
  });

  it('resolves dot segments before choosing the owner, so none escapes its service', () => {
    expect(resolveApiRoute('/api/auth/../users')).toMatchObject({
      service: 'identity',
      upstreamPath: '/users',
    });
    expect(resolveApiRoute('/api/auth/%2e%2e/orders')).toMatchObject({
      service: 'ordering',
      upstreamPath: '/orders',
    });
    expect(resolveApiRoute('/api/auth/../../health/ready')).toEqual({ kind: 'outside' });
    expect(resolveApiRoute('/api/orders/../nope')).toEqual({ kind: 'unknown', segment: 'nope' });
  });

  it('does not take a request target with an authority elsewhere', () => {
    expect(resolveApiRoute('//evil.example/api/auth')).toEqual({ kind: 'outside' });
  });

  it('keeps every segment of docs/api.md in the one table', () => {
    expect(API_ROUTES).toEqual(
      expect.objectContaining({
        registrations: 'identity',
        auth: 'identity',
        users: 'identity',
        'master-data': 'registry',
        'device-models': 'registry',
        'supply-items': 'registry',
        devices: 'registry',
        accounts: 'registry',
        orders: 'ordering',
        emails: 'notifications',
        health: 'gateway',
      }),
    );
  });
});

describe('ownerOfServicePath', () => {
  it("names the owner of a service document's path by its first segment", () => {
    expect(ownerOfServicePath('/registrations/{id}')).toBe('identity');
    expect(ownerOfServicePath('/accounts/{accountId}/devices')).toBe('registry');
    expect(ownerOfServicePath('/internal/replay')).toBeUndefined();
  });
});
