import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import type { AuthenticatedUser } from '@metered/auth';
import { SessionsService } from '../sessions/sessions.service';
import { AuthenticationFailedError } from './sign-in.errors';

const REPORTS_ENDED_SESSIONS = 'identity:reports-ended-sessions';

/** The handler answers for ended and unknown sessions too (`GET /auth/session`). */
export const ReportsEndedSessions = () => SetMetadata(REPORTS_ENDED_SESSIONS, true);

/**
 * identity owns the sessions, so it need not wait for its own SessionRevoked event: after
 * @metered/auth has verified a token, the session is checked in identity's collection and a
 * revoked, expired or never issued one is refused at once.
 */
@Injectable()
export class SessionCheckInterceptor implements NestInterceptor {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() === 'http' && !this.reportsEndedSessions(context)) {
      const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
      if (user && !(await this.sessions.isActive(user.sessionId))) {
        throw new AuthenticationFailedError('the session has ended: sign in again');
      }
    }
    return next.handle();
  }

  private reportsEndedSessions(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean>(REPORTS_ENDED_SESSIONS, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}
