import { ArgumentsHost } from '@nestjs/common';
import { mongo } from 'mongoose';
import { isDatabaseUnavailable } from './database-unavailable';
import { DatabaseUnavailableFilter } from './database-unavailable.filter';

function httpHost() {
  const response = {
    headers: {} as Record<string, string>,
    statusCode: 0,
    body: undefined as unknown,
    headersSent: false,
    setHeader(name: string, value: string) {
      this.headers[name] = value;
    },
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    json(body: unknown) {
      this.body = body;
      return this;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, response };
}

function bufferingTimeout(): Error {
  const error = new Error('Operation `orders.find()` buffering timed out after 3000ms');
  error.name = 'MongooseError';
  return error;
}

/** The driver builds it with the topology it could not select from; the tests need none. */
const selectionFailed = (message: string) =>
  new mongo.MongoServerSelectionError(message, {} as mongo.TopologyDescription);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['server selection', selectionFailed('connect ECONNREFUSED')],
    ['a closed connection', new mongo.MongoNetworkError('connection 7 to 127.0.0.1:27017 closed')],
    ['a network timeout', new mongo.MongoNetworkTimeoutError('timed out')],
    ['no connection yet', new mongo.MongoNotConnectedError('not connected')],
    ['mongoose buffering timed out', bufferingTimeout()],
    [
      'a wrapped network error',
      new Error('could not lock', { cause: new mongo.MongoNetworkError('closed') }),
    ],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a duplicate key',
      new mongo.MongoServerError({ message: 'E11000 duplicate key', code: 11000 }),
    ],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error', 'ECONNREFUSED'],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('DatabaseUnavailableFilter', () => {
  it('answers 503 with Retry-After and the shared error shape', () => {
    const { host, response } = httpHost();
    new DatabaseUnavailableFilter().catch(selectionFailed('down'), host);
    expect(response.statusCode).toBe(503);
    expect(response.headers['Retry-After']).toBe('5');
    expect(response.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
  });

  it('leaves Kafka handlers’ errors to the RPC default', () => {
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    expect(new DatabaseUnavailableFilter().catch(new Error('x'), host)).toBeUndefined();
  });
});
