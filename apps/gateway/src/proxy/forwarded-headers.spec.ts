import { clientResponseHeaders, upstreamRequestHeaders } from './forwarded-headers';

const connection = {
  remoteAddress: '10.0.0.7',
  encrypted: false,
  upstreamHost: '127.0.0.1:3001',
  correlationId: 'corr-1',
};

describe('upstreamRequestHeaders', () => {
  it('drops hop-by-hop headers, including those the Connection header names', () => {
    const headers = upstreamRequestHeaders(
      {
        connection: 'keep-alive, x-secret-hop',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        upgrade: 'websocket',
        te: 'trailers',
        'proxy-authorization': 'Basic abc',
        'x-secret-hop': '1',
        'content-type': 'application/json',
      },
      connection,
    );
    expect(Object.keys(headers).sort()).toEqual(
      ['content-type', 'host', 'x-correlation-id', 'x-forwarded-for', 'x-forwarded-proto'].sort(),
    );
  });

  it('passes Authorization, cookies and content headers unchanged: services authorise', () => {
    const headers = upstreamRequestHeaders(
      {
        authorization: 'Bearer a.b.c',
        cookie: 'x=1',
        'content-length': '12',
        accept: 'application/json',
      },
      connection,
    );
    expect(headers).toMatchObject({
      authorization: 'Bearer a.b.c',
      cookie: 'x=1',
      'content-length': '12',
      accept: 'application/json',
    });
  });

  it('sets Host to the service and describes the client in X-Forwarded-*', () => {
    const headers = upstreamRequestHeaders({ host: 'portal.example:3000' }, connection);
    expect(headers).toMatchObject({
      host: '127.0.0.1:3001',
      'x-forwarded-host': 'portal.example:3000',
      'x-forwarded-for': '10.0.0.7',
      'x-forwarded-proto': 'http',
    });
  });

  it('appends the client to an existing X-Forwarded-For chain and says https over TLS', () => {
    const headers = upstreamRequestHeaders(
      { 'x-forwarded-for': '203.0.113.9' },
      { ...connection, encrypted: true },
    );
    expect(headers['x-forwarded-for']).toBe('203.0.113.9, 10.0.0.7');
    expect(headers['x-forwarded-proto']).toBe('https');
  });

  it("replaces the caller's correlation id with the one decided for the request", () => {
    const headers = upstreamRequestHeaders({ 'x-correlation-id': 'bad\r\nid' }, connection);
    expect(headers['x-correlation-id']).toBe('corr-1');
  });
});

describe('clientResponseHeaders', () => {
  it("keeps the service's headers except hop-by-hop ones, and returns the correlation id", () => {
    const headers = clientResponseHeaders(
      {
        'content-type': 'application/json',
        'set-cookie': ['a=1', 'b=2'],
        'retry-after': '5',
        connection: 'keep-alive',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
      },
      'corr-1',
    );
    expect(headers).toEqual({
      'content-type': 'application/json',
      'set-cookie': ['a=1', 'b=2'],
      'retry-after': '5',
      'x-correlation-id': 'corr-1',
    });
  });
});
