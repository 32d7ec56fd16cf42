import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Request } from 'express';
import { AuthenticatedUser } from '../authenticated-user';

/** The caller of an `@Authenticated()` / `@Roles()` handler. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>().user;
    // A handler without @Authenticated() would otherwise receive undefined silently.
    if (!user) throw new UnauthorizedException('This endpoint needs an access token');
    return user;
  },
);
