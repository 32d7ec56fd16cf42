import { Inject, Injectable } from '@nestjs/common';
import { UnavailableError } from '@metered/service-kit/errors/domain.error';
import { AUTH_SETTINGS, AuthSettings } from '../auth.settings';
import { InvalidAccessTokenError } from '../claims/invalid-access-token.error';
import { KnownSessions } from './known-sessions';
import { SessionEventsFeed } from './session-events.feed';
import { unknownSessionVerdict } from './unknown-session-verdict';

/**
 * The session rule of every service: a token's session must be one identity announced and
 * has not revoked — decided from this replica's memory, no database read per request.
 */
@Injectable()
export class SessionGate {
  constructor(
    private readonly sessions: KnownSessions,
    private readonly feed: SessionEventsFeed,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** Throws InvalidAccessTokenError (401) or UnavailableError (503); returns when usable. */
  async assertUsable(sessionId: string, issuedAtSeconds: number): Promise<void> {
    for (let alreadyWaited = false; ; alreadyWaited = true) {
      const status = this.sessions.status(sessionId);
      if (status === 'active') return;
      if (status === 'revoked') {
        throw new InvalidAccessTokenError('access token belongs to a session that has ended');
      }
      const verdict = unknownSessionVerdict({
        feed: this.feed.state(),
        tokenAgeSeconds: Date.now() / 1000 - issuedAtSeconds,
        propagationSeconds: this.settings.sessionPropagationSeconds,
        alreadyWaited,
      });
      if (verdict === 'refuse') {
        throw new InvalidAccessTokenError(
          'access token names a session identity never started (or one long forgotten)',
        );
      }
      if (verdict === 'unavailable') {
        // Fail closed, but as "try again": the session may be real and its event late.
        throw new UnavailableError('cannot check the access token session yet');
      }
      const wait = this.settings.unknownSessionWaitMs;
      if (this.feed.state() === 'catching-up') await this.feed.whenCaughtUp(wait);
      else await this.sessions.waitFor(sessionId, wait);
    }
  }
}
