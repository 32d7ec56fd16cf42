/** The parts of a signed-in user that decide what accounts they may see. */
export interface AccountViewer {
  roles: readonly string[];
  accountId?: string;
}

const STAFF = ['helpdesk', 'validator', 'ops', 'admin'];

export function isStaff(viewer: AccountViewer): boolean {
  return viewer.roles.some((role) => STAFF.includes(role));
}

/**
 * Staff see every account; a customer sees only their own. Callers answer "not found" to
 * anyone else, so nobody can probe which account ids exist.
 */
export function maySeeAccount(viewer: AccountViewer, accountId: string): boolean {
  return isStaff(viewer) || (viewer.accountId !== undefined && viewer.accountId === accountId);
}
