import { ArgumentsHost, Catch, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { Response } from 'express';
import { httpErrorBody } from '../bootstrap/http-error-body';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';

/**
 * A database that cannot be reached is not the request's fault and not a bug: the answer is
 * 503 with Retry-After, never 500. It catches everything because platform code may wrap the
 * driver's error (found through `cause`); everything else gets Nest's default answer — a
 * failed query stays a logged 500, a bug to see, not an outage. Registered before
 * DomainErrorFilter, so domain errors keep their own mapping.
 */
@Catch()
export class DatabaseUnavailableFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('DatabaseUnavailable');

  override catch(error: unknown, host: ArgumentsHost): void {
    // Kafka handlers (the microservice inherits global filters): returning nothing leaves
    // the error to Nest's RPC default, which the event consumer's retry semantics rely on.
    if (host.getType() !== 'http') return;
    if (!isDatabaseUnavailable(error)) {
      super.catch(error, host);
      return;
    }
    const { name, message } = error as Error;
    this.logger.warn(`database unavailable: ${name}: ${message}`);
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    response
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .json(
        httpErrorBody(
          HttpStatus.SERVICE_UNAVAILABLE,
          'The database is unavailable at the moment; please retry shortly.',
        ),
      );
  }
}
