import { IncomingMessage } from 'node:http';
import { correlationIdOf } from './service-logger.module';

const requestWith = (headers: Record<string, string>) =>
  ({ headers }) as unknown as IncomingMessage;

describe('correlationIdOf', () => {
  it("keeps a caller's well-formed correlation id", () => {
    expect(correlationIdOf(requestWith({ 'x-correlation-id': 'abc-123' }))).toBe('abc-123');
  });

  it('replaces one that could inject into logs or headers', () => {
    const id = correlationIdOf(requestWith({ 'x-correlation-id': 'bad\r\nSet-Cookie: x' }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('creates one when none is given', () => {
    expect(correlationIdOf(requestWith({}))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
