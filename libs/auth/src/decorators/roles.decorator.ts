import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role } from '@metered/contracts/reference';
import { AUTHENTICATED_KEY } from './authenticated.decorator';

export const ROLES_KEY = 'metered:roles';

/** 401 without a valid token; 403 unless the user holds at least one of the roles. */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role');
  return applyDecorators(
    SetMetadata(AUTHENTICATED_KEY, true),
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, invalid, expired or revoked access token' }),
    ApiForbiddenResponse({ description: `Requires one of the roles: ${roles.join(', ')}` }),
  );
}
