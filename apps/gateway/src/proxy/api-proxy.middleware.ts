import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from '@metered/service-kit';
import { PublicApiDocument } from '../api-docs/public-api-document';
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

  constructor(
    private readonly proxy: ApiProxy,
    private readonly document: PublicApiDocument,
  ) {}

  use(request: Request, response: Response, next: NextFunction): void {
    // originalUrl: Nest mounts middleware with app.use(path), which strips the path from url.
    const route = resolveApiRoute(request.originalUrl);
    if (route.kind === 'proxy' || route.kind === 'gateway') {
      this.refuseUndocumentedMethod(request, response).then(
        (refused) => {
          if (!refused) this.route(request, response, next);
        },
        () => this.route(request, response, next),
      );
      return;
    }
    this.route(request, response, next);
  }

  /**
   * 405 with `Allow` for a documented path asked with a method the document does not list for
   * it (the services' routers would say 404): derived from the merged OpenAPI document, so it
   * holds for every service and every new endpoint without a list here.
   */
  private async refuseUndocumentedMethod(request: Request, response: Response): Promise<boolean> {
    const path = new URL(request.originalUrl, 'http://gateway.invalid').pathname;
    const allow = (await this.document.methods()).refusal(request.method, path);
    if (!allow) return false;
    sendJsonError(
      response,
      405,
      `${request.method} is not supported here; use ${allow.join(', ')}`,
      {
        allow: allow.join(', '),
        'x-correlation-id': correlationIdOf(request),
      },
    );
    return true;
  }

  private route(request: Request, response: Response, next: NextFunction): void {
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
