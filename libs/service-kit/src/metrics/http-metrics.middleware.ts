import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './platform-metrics';

/**
 * Set by a middleware that answers a whole family of paths itself (the gateway's proxy:
 * `/api/orders/*`), so its requests are labelled by that family and not as unmatched.
 */
export const METRICS_ROUTE_LOCAL = 'metricsRoute';

/**
 * The route label of a finished request: the pattern express matched (`/orders/:orderId`),
 * never the raw URL — ids in the path would make one time series per order.
 */
export function routeLabelOf(request: Request, response: Response): string {
  const own = response.locals?.[METRICS_ROUTE_LOCAL];
  if (typeof own === 'string') return own;
  const route = (request as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${request.baseUrl ?? ''}${route.path}`;
  return 'unmatched';
}

/** Times every request into `http_request_duration_seconds{method,route,status}`. */
export function httpMetricsMiddleware(request: Request, response: Response, next: NextFunction) {
  if (request.path === '/metrics') return next();
  const stop = httpRequestDuration.startTimer();
  response.once('finish', () => {
    stop({
      method: request.method,
      route: routeLabelOf(request, response),
      status: String(response.statusCode),
    });
  });
  next();
}
