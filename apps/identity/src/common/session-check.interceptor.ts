import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { AuthenticatedUser } from '@metered/auth';
import { SessionsService } from '../sessions/sessions.service';
import { AuthenticationFailedError } from './sign-in.errors';

/**
 * identity owns the sessions, so it need not wait for its own SessionRevoked event: after
 * @metered/auth has verified a token, the session is checked in identity's collection and a
 * revoked or expired one is refused at once.
 */
@Injectable()
export class SessionCheckInterceptor implements NestInterceptor {
  constructor(private readonly sessions: SessionsService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() === 'http') {
      const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
      if (user && !(await this.sessions.isActive(user.sessionId))) {
        throw new AuthenticationFailedError('the session has ended: sign in again');
      }
    }
    return next.handle();
  }
}
