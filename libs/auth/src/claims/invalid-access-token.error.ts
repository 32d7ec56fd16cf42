/**
 * A token that must not be accepted. The guard answers 401 with this message, so it says
 * what was wrong without echoing the token.
 */
export class InvalidAccessTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAccessTokenError';
  }
}
