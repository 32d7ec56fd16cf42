import { MethodTable } from './allowed-methods';

describe('MethodTable', () => {
  const table = MethodTable.of({
    paths: {
      '/api/orders': { get: { responses: {} }, post: { responses: {} } },
      '/api/orders/{orderId}': { get: { responses: {} } },
      '/api/orders/{orderId}/cancel': { post: { responses: {} } },
      '/api/orders/export.csv': { post: { responses: {} } },
    },
  });

  it('refuses a method the document does not list for the path, naming the ones it does', () => {
    expect(table.refusal('DELETE', '/api/orders')).toEqual(['GET', 'HEAD', 'POST']);
    expect(table.refusal('put', '/api/orders/0b7c/cancel')).toEqual(['POST']);
  });

  it('lets documented methods, HEAD with GET, and OPTIONS through', () => {
    expect(table.refusal('POST', '/api/orders')).toBeUndefined();
    expect(table.refusal('HEAD', '/api/orders/0b7c')).toBeUndefined();
    expect(table.refusal('OPTIONS', '/api/orders/0b7c/cancel')).toBeUndefined();
    expect(table.refusal('HEAD', '/api/orders/0b7c/cancel')).toEqual(['POST']);
  });

  it('goes by the most concrete matching path, and ignores a trailing slash', () => {
    expect(table.refusal('GET', '/api/orders/export.csv')).toEqual(['POST']);
    expect(table.refusal('POST', '/api/orders/export.csv')).toBeUndefined();
    expect(table.refusal('DELETE', '/api/orders/0b7c')).toEqual(['GET', 'HEAD']);
    expect(table.refusal('PATCH', '/api/orders/')).toEqual(['GET', 'HEAD', 'POST']);
  });

  it('leaves undocumented paths to their owner (a 404 there)', () => {
    expect(table.refusal('DELETE', '/api/orders/0b7c/unknown')).toBeUndefined();
    expect(table.refusal('GET', '/api/nothing')).toBeUndefined();
    expect(table.refusal('GET', '/api/ordersX')).toBeUndefined();
  });
});
