import { randomUUID } from 'node:crypto';
import { DynamicModule } from '@nestjs/common';
import { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { ServiceName } from '../config/infrastructure.config';

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** A caller's correlation id when it is safe to log and forward, otherwise a fresh one. */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers[CORRELATION_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/**
 * Structured JSON logs (pino) tagged with the service name; each HTTP request line carries
 * the correlation id the rest of the platform propagates through Kafka headers.
 */
export function serviceLoggerModule(service: ServiceName): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: service,
      level: process.env.LOG_LEVEL ?? 'info',
      genReqId: (request, response) => {
        const id = correlationIdOf(request);
        response.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      customProps: (request) => ({ correlationId: request.id }),
      autoLogging: { ignore: (request) => (request.url ?? '').startsWith('/health') },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  });
}
