import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticationFailedError, TooManyAttemptsError } from './sign-in.errors';

/** 401 and 429 (with Retry-After) in the API's error shape. */
@Catch(AuthenticationFailedError, TooManyAttemptsError)
export class SignInErrorFilter implements ExceptionFilter {
  catch(error: AuthenticationFailedError | TooManyAttemptsError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof TooManyAttemptsError) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
      response.status(HttpStatus.TOO_MANY_REQUESTS).json({
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: error.message,
      });
      return;
    }
    response.status(HttpStatus.UNAUTHORIZED).json({
      statusCode: HttpStatus.UNAUTHORIZED,
      error: 'Unauthorized',
      message: error.message,
    });
  }
}
