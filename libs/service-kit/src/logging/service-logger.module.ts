import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DynamicModule } from '@nestjs/common';
import { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { ServiceName } from '../config/infrastructure.config';
import { flowFields } from './log-context';
import { redactQuery, redactUrl } from './redact-url';

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** A caller's correlation id when it is safe to log and forward, otherwise a fresh one. */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers[CORRELATION_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/**
 * Structured JSON logs (pino): every line names the `service`; lines written while an HTTP
 * request or a Kafka event is handled carry its `correlationId` (the id the platform
 * propagates through Kafka headers), and lines of event handling the `eventId` too.
 */
export function serviceLoggerModule(service: ServiceName): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: accessLogOptions(service) });
}

/**
 * The pino-http settings of every service's log (the gateway's access log included).
 * One-time link tokens must never reach a log file: secret-looking query values are
 * redacted from the logged URL, query and Referer (links carry them in the fragment now,
 * but an old link or a careless client may still send `?token=`).
 */
export function accessLogOptions(service: ServiceName): Options {
  return {
    name: service,
    base: { service, pid: process.pid, hostname: hostname() },
    level: process.env.LOG_LEVEL ?? 'info',
    mixin: (_object, _level, logger) => flowFields(logger),
    genReqId: (request, response) => {
      const id = correlationIdOf(request);
      response.setHeader(CORRELATION_HEADER, id);
      return id;
    },
    customProps: (request) => ({ correlationId: request.id }),
    autoLogging: {
      ignore: (request) => /^\/(health|metrics)(\/|$)/.test(request.url ?? ''),
    },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: { req: redactRequest },
  };
}

/** pino-http's serialized request with secret query values hidden. */
function redactRequest(request: Record<string, unknown>): Record<string, unknown> {
  const headers = request.headers as Record<string, unknown> | undefined;
  const referer = headers?.referer;
  return {
    ...request,
    ...(typeof request.url === 'string' ? { url: redactUrl(request.url) } : {}),
    ...('query' in request ? { query: redactQuery(request.query) } : {}),
    ...(typeof referer === 'string'
      ? { headers: { ...headers, referer: redactUrl(referer) } }
      : {}),
  };
}
