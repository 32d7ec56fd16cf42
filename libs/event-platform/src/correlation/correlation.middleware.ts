import { randomUUID } from 'node:crypto';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER, CorrelationContext, isSafeCorrelationId } from '@metered/events-core';

/**
 * Picks the request's correlation id: the caller's `x-correlation-id` when it is safe,
 * else the one the request logger already chose (so log lines and events agree), else a
 * new one. Echoes it in the response and runs the rest of the request inside it.
 */
export function correlationIdForRequest(
  request: Pick<IncomingMessage, 'headers'>,
  response: Pick<ServerResponse, 'getHeader'>,
): string {
  const given = request.headers[CORRELATION_HEADER];
  const fromCaller = Array.isArray(given) ? given[0] : given;
  if (isSafeCorrelationId(fromCaller)) return fromCaller;
  const fromLogger = response.getHeader(CORRELATION_HEADER);
  if (isSafeCorrelationId(fromLogger)) return fromLogger;
  return randomUUID();
}

@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const correlationId = correlationIdForRequest(request, response);
    response.setHeader(CORRELATION_HEADER, correlationId);
    CorrelationContext.run({ correlationId, causationId: null }, next);
  }
}
