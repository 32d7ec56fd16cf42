import type { Request, Response } from 'express';
import { routeLabelOf } from './http-metrics.middleware';

const response = (locals: Record<string, unknown> = {}) => ({ locals }) as unknown as Response;

describe('the route label of a request', () => {
  it('is the matched route pattern, not the URL with its ids', () => {
    const request = { baseUrl: '', route: { path: '/orders/:orderId' }, url: '/orders/o-1' };
    expect(routeLabelOf(request as unknown as Request, response())).toBe('/orders/:orderId');
  });

  it('is the family a middleware set for what it answers itself (the gateway proxy)', () => {
    const request = { url: '/api/orders/o-1' } as unknown as Request;
    expect(routeLabelOf(request, response({ metricsRoute: '/api/orders/*' }))).toBe(
      '/api/orders/*',
    );
  });

  it('is "unmatched" for anything no route answered (404s), so URLs never become labels', () => {
    expect(routeLabelOf({ url: '/wp-admin' } as unknown as Request, response())).toBe('unmatched');
  });
});
