import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { LARGE_BODY_ROUTES, ApiProxy, ApiProxyOptions } from './api-proxy';

/*
 * The proxy against real local HTTP servers on loopback (no mocks): one stands in for a
 * service, one is the gateway's front door calling ApiProxy.forward.
 */
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

async function listen(handler: Handler): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const closeAll: Server[] = [];
afterEach(async () => {
  await Promise.all(
    closeAll.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
});

async function gatewayTo(
  service: Handler | string,
  options: Partial<ApiProxyOptions> = {},
): Promise<string> {
  let serviceUrl = typeof service === 'string' ? service : '';
  if (typeof service !== 'string') {
    const upstream = await listen(service);
    closeAll.push(upstream.server);
    serviceUrl = upstream.url;
  }
  const proxy = new ApiProxy({
    targets: {
      identity: serviceUrl,
      registry: serviceUrl,
      ordering: serviceUrl,
      notifications: serviceUrl,
      operations: serviceUrl,
      telemetry: serviceUrl,
    },
    ...options,
  });
  const gateway = await listen((request, response) =>
    proxy.forward(request, response, 'identity', (request.url ?? '').replace(/^\/api/, '')),
  );
  closeAll.push(gateway.server);
  return gateway.url;
}

/** A service that answers with what it received. */
const echo: Handler = (request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    response.writeHead(201, { 'content-type': 'application/json', 'x-service': 'identity' });
    response.end(
      JSON.stringify({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }),
    );
  });
};

describe('ApiProxy', () => {
  it('forwards method, path, query, headers and body, and relays status and headers back', async () => {
    const gateway = await gatewayTo(echo);
    const response = await fetch(`${gateway}/api/registrations?x=1`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer t',
        'content-type': 'application/json',
        'x-correlation-id': 'corr-42',
      },
      body: '{"a":1}',
    });
    const seen = (await response.json()) as {
      method: string;
      url: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(response.status).toBe(201);
    expect(response.headers.get('x-service')).toBe('identity');
    expect(response.headers.get('x-correlation-id')).toBe('corr-42');
    expect(seen).toMatchObject({ method: 'POST', url: '/registrations?x=1', body: '{"a":1}' });
    expect(seen.headers).toMatchObject({
      authorization: 'Bearer t',
      'x-correlation-id': 'corr-42',
      'x-forwarded-proto': 'http',
      'x-forwarded-for': '127.0.0.1',
    });
  });

  it('makes up a correlation id when the caller sends none, and returns it', async () => {
    const gateway = await gatewayTo(echo);
    const response = await fetch(`${gateway}/api/auth/me`);
    const seen = (await response.json()) as { headers: Record<string, string> };
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.headers['x-correlation-id']).toBe(response.headers.get('x-correlation-id'));
  });

  it('refuses a body declared larger than the cap with 413, without calling the service', async () => {
    let called = false;
    const gateway = await gatewayTo((request, response) => {
      called = true;
      echo(request, response);
    });
    const response = await fetch(`${gateway}/api/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(100 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'request body is larger than 64 kB',
    });
    expect(called).toBe(false);
  });

  it("lets telemetry's reading batches past the default cap, and only that route", async () => {
    const upstream = await listen(echo);
    closeAll.push(upstream.server);
    const proxy = new ApiProxy({
      targets: {
        identity: upstream.url,
        registry: upstream.url,
        ordering: upstream.url,
        notifications: upstream.url,
        operations: upstream.url,
        telemetry: upstream.url,
      },
      largeBodies: LARGE_BODY_ROUTES,
    });
    const gateway = await listen((request, response) =>
      proxy.forward(request, response, 'telemetry', (request.url ?? '').replace(/^\/api/, '')),
    );
    closeAll.push(gateway.server);
    const big = 'x'.repeat(300 * 1024);
    const batch = await fetch(`${gateway.url}/api/telemetry/readings`, {
      method: 'POST',
      body: big,
    });
    expect(batch.status).toBe(201);
    expect(((await batch.json()) as { body: string }).body.length).toBe(big.length);
    const other = await fetch(`${gateway.url}/api/telemetry/agents`, { method: 'POST', body: big });
    expect(other.status).toBe(413);
  });

  it('refuses a streamed body without Content-Length once it passes the cap', async () => {
    const gateway = await gatewayTo(echo);
    const chunk = new TextEncoder().encode('y'.repeat(16 * 1024));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 6; i += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${gateway}/api/registrations`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('passes a streamed body under the cap through whole', async () => {
    const gateway = await gatewayTo(echo);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('z'.repeat(60 * 1024)));
        controller.close();
      },
    });
    const response = await fetch(`${gateway}/api/registrations`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(201);
    expect(((await response.json()) as { body: string }).body).toHaveLength(60 * 1024);
  });

  it('answers 503 naming the service when it cannot be reached', async () => {
    const closed = await listen(echo);
    await new Promise((resolve) => closed.server.close(resolve));
    const gateway = await gatewayTo(closed.url);
    const response = await fetch(`${gateway}/api/auth/me`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'identity is unavailable, try again shortly',
    });
  });

  it('answers 504 when the service does not answer in time', async () => {
    const gateway = await gatewayTo(() => undefined, { timeoutMs: 300 });
    const response = await fetch(`${gateway}/api/auth/me`);
    expect(response.status).toBe(504);
    expect(((await response.json()) as { error: string }).error).toBe('Gateway Timeout');
  });

  it("relays a service's error answer unchanged", async () => {
    const gateway = await gatewayTo((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        '{"statusCode":400,"errors":[{"field":"email","reason":"email must be an email"}]}',
      );
    });
    const response = await fetch(`${gateway}/api/registrations`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      statusCode: 400,
      errors: [{ field: 'email', reason: 'email must be an email' }],
    });
  });
});

describe('ApiProxy over several replicas', () => {
  const replica =
    (name: string): Handler =>
    (request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ replica: name }));
      });
    };

  async function gatewayOver(urls: string[]): Promise<string> {
    const proxy = new ApiProxy({
      targets: {
        identity: urls,
        registry: urls,
        ordering: urls,
        notifications: urls,
        operations: urls,
        telemetry: urls,
      },
    });
    const gateway = await listen((request, response) =>
      proxy.forward(request, response, 'ordering', (request.url ?? '').replace(/^\/api/, '')),
    );
    closeAll.push(gateway.server);
    return gateway.url;
  }

  async function refusedUrl(): Promise<string> {
    const { server, url } = await listen(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    return url;
  }

  const replicaOf = async (gateway: string, body?: string): Promise<string> => {
    const response = await fetch(`${gateway}/api/orders`, {
      method: body ? 'POST' : 'GET',
      body,
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { replica: string }).replica;
  };

  it('sends requests round robin to every replica', async () => {
    const one = await listen(replica('one'));
    const two = await listen(replica('two'));
    closeAll.push(one.server, two.server);
    const gateway = await gatewayOver([one.url, two.url]);
    const seen = [];
    for (let i = 0; i < 4; i += 1) seen.push(await replicaOf(gateway));
    expect(seen).toEqual(['one', 'two', 'one', 'two']);
  });

  it('sends a request (body included) to the next replica when one refuses the connection', async () => {
    const alive = await listen((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ replica: Buffer.concat(chunks).toString('utf8') }));
      });
    });
    closeAll.push(alive.server);
    const gateway = await gatewayOver([await refusedUrl(), alive.url]);
    expect(await replicaOf(gateway, '{"order":1}')).toBe('{"order":1}');
    expect(await replicaOf(gateway, '{"order":2}')).toBe('{"order":2}');
  });

  it('answers 503 when every replica refuses', async () => {
    const gateway = await gatewayOver([await refusedUrl(), await refusedUrl()]);
    const response = await fetch(`${gateway}/api/orders`);
    expect(response.status).toBe(503);
  });
});
