import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from '@metered/service-kit';
import { resolveApiRoute } from '../routing/api-routes';
import { ApiProxy } from './api-proxy';
import { sendJsonError } from './json-error';

/**
 * The public API: `/api/<segment>/…` goes to the service that owns the segment, the gateway's
 * own segments (health, docs) to its router, and anything else under `/api` is a JSON 404 —
 * never the portal's index.html.
 */
@Injectable()
export class ApiProxyMiddleware implements NestMiddleware {
  private readonly logger = new Logger('ApiProxy');

  constructor(private readonly proxy: ApiProxy) {}

  use(request: Request, response: Response, next: NextFunction): void {
    // originalUrl: Nest mounts middleware with app.use(path), which strips the path from url.
    const route = resolveApiRoute(request.originalUrl);
    if (route.kind === 'proxy') {
      // http_request_duration_seconds labels proxied calls by owner segment, never by URL.
      response.locals.metricsRoute = `/api/${route.segment}/*`;
      this.proxy.forward(request, response, route.service, route.upstreamPath);
      return;
    }
    if (route.kind === 'unknown') {
      this.logger.debug(`no owner for /api/${route.segment}`);
      sendJsonError(
        response,
        404,
        route.segment ? `no API at /api/${route.segment}` : 'no API at /api: see /api/docs',
        { 'x-correlation-id': correlationIdOf(request) },
      );
      return;
    }
    next();
  }
}
