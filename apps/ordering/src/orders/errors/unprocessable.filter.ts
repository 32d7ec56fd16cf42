import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { UnprocessableError } from './unprocessable.error';

/** 422 with the usual error body plus a machine-readable `code` (see docs/api.md). */
@Catch(UnprocessableError)
export class UnprocessableFilter implements ExceptionFilter {
  catch(error: UnprocessableError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HttpStatus.UNPROCESSABLE_ENTITY)
      .json({
        statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
        error: 'Unprocessable Entity',
        message: error.message,
        code: error.code,
        errors: error.problems,
        ...error.extra,
      });
  }
}
