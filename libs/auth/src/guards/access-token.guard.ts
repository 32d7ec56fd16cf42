import {
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Response } from 'express';
import { Role } from '@metered/contracts/reference';
import { AuthenticatedUser } from '../authenticated-user';
import { hasAnyRole } from '../claims/role-check';
import { AUTHENTICATED_KEY } from '../decorators/authenticated.decorator';
import { ROLES_KEY } from '../decorators/roles.decorator';
import { ACCESS_TOKEN_STRATEGY } from '../strategy/access-token.strategy';
import { describeRefusal, insufficientRoleChallenge } from './token-refusal';

/**
 * Registered globally by AuthModule; acts only on handlers marked `@Authenticated()` or
 * `@Roles()`, so health checks, JWKS and public endpoints stay open without ceremony.
 */
@Injectable()
export class AccessTokenGuard extends AuthGuard(ACCESS_TOKEN_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // Kafka handlers: trust comes from the broker
    const targets = [context.getHandler(), context.getClass()];
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const authenticated = this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_KEY, targets);
    if (!authenticated && !required) return true;

    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
    if (!hasAnyRole(user.roles, required)) {
      this.response(context).setHeader('WWW-Authenticate', insufficientRoleChallenge());
      throw new ForbiddenException(`requires one of the roles: ${(required ?? []).join(', ')}`);
    }
    return true;
  }

  override handleRequest<TUser = AuthenticatedUser>(
    error: unknown,
    user: TUser | false,
    info: unknown,
    context: ExecutionContext,
  ): TUser {
    if (!error && user) return user;
    const refusal = describeRefusal(error, info);
    if (refusal.kind === 'dependency') throw refusal.error;
    this.response(context).setHeader('WWW-Authenticate', refusal.challenge);
    throw new UnauthorizedException(refusal.message);
  }

  private response(context: ExecutionContext): Response {
    return context.switchToHttp().getResponse<Response>();
  }
}
