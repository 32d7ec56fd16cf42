import { STAFF_ROLES } from '../authenticated-user';
import { hasAnyRole } from './role-check';

describe('hasAnyRole', () => {
  it('lets any signed-in user through when no role is required', () => {
    expect(hasAnyRole(['customer'], undefined)).toBe(true);
    expect(hasAnyRole(['customer'], [])).toBe(true);
  });

  it('needs only one of the listed roles', () => {
    expect(hasAnyRole(['helpdesk', 'validator'], ['validator', 'admin'])).toBe(true);
  });

  it('refuses a customer on staff endpoints', () => {
    expect(hasAnyRole(['customer'], STAFF_ROLES)).toBe(false);
    expect(hasAnyRole(['customer'], ['validator', 'admin'])).toBe(false);
  });

  it('does not treat admin as a wildcard: endpoints list admin explicitly', () => {
    expect(hasAnyRole(['admin'], ['ops'])).toBe(false);
  });
});
