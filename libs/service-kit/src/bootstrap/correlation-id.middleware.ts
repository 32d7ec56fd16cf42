import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from '../logging/service-logger.module';

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Fixes the request's correlation id before anything else runs, so answers made before Nest's
 * middleware (413 from the body parser, the gateway's proxy) carry it too, and the request
 * logger and the event platform see the same id.
 */
export function correlationIdMiddleware(request: Request, response: Response, next: NextFunction) {
  const id = correlationIdOf(request);
  request.headers[CORRELATION_HEADER] = id;
  response.setHeader(CORRELATION_HEADER, id);
  next();
}
