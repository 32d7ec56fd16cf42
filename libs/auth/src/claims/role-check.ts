import { Role } from '@metered/contracts/reference';

/** True when the user holds at least one of the required roles (none required: anyone signed in). */
export function hasAnyRole(
  userRoles: readonly Role[],
  required: readonly Role[] | undefined,
): boolean {
  if (!required || required.length === 0) return true;
  return required.some((role) => userRoles.includes(role));
}
