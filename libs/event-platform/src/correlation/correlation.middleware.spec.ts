import { CorrelationContext } from '@metered/events-core';
import { CorrelationMiddleware, correlationIdForRequest } from './correlation.middleware';

function fakeResponse(existing?: string) {
  const headers: Record<string, string> = existing ? { 'x-correlation-id': existing } : {};
  return {
    headers,
    getHeader: (name: string) => headers[name],
    setHeader: (name: string, value: string) => {
      headers[name] = value;
    },
  };
}

describe('correlationIdForRequest', () => {
  it("keeps a caller's safe correlation id", () => {
    const id = correlationIdForRequest(
      { headers: { 'x-correlation-id': 'abc-1.2_3' } },
      fakeResponse(),
    );
    expect(id).toBe('abc-1.2_3');
  });

  it('replaces an id with unsafe characters or over 100 characters', () => {
    const unsafe = correlationIdForRequest(
      { headers: { 'x-correlation-id': 'a b\n<script>' } },
      fakeResponse(),
    );
    const long = correlationIdForRequest(
      { headers: { 'x-correlation-id': 'a'.repeat(101) } },
      fakeResponse(),
    );
    expect(unsafe).toMatch(/^[0-9a-f-]{36}$/);
    expect(long).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reuses the id the request logger already put on the response', () => {
    expect(correlationIdForRequest({ headers: {} }, fakeResponse('from-logger'))).toBe(
      'from-logger',
    );
  });
});

describe('CorrelationMiddleware', () => {
  it('echoes the id and runs the request inside its correlation context', () => {
    const response = fakeResponse();
    let seen: string | undefined;
    new CorrelationMiddleware().use(
      { headers: { 'x-correlation-id': 'req-42' } } as never,
      response as never,
      () => {
        seen = CorrelationContext.current()?.correlationId;
      },
    );
    expect(seen).toBe('req-42');
    expect(response.headers['x-correlation-id']).toBe('req-42');
    expect(CorrelationContext.current()).toBeUndefined();
  });
});
