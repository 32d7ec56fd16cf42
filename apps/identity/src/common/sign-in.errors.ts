/**
 * Sign-in answers that the shared DomainError kinds do not cover (401 and 429); the
 * SignInErrorFilter maps them to HTTP in one place, like DomainErrorFilter does for the rest.
 */
export class AuthenticationFailedError extends Error {
  constructor(message = 'email or password is wrong') {
    super(message);
    this.name = 'Unauthorized';
  }
}

export class TooManyAttemptsError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'too many failed sign-in attempts: try again later',
  ) {
    super(message);
    this.name = 'Too Many Requests';
  }
}
