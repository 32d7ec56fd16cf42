import { maySeeAccount } from './account-access';

describe('who may see an account', () => {
  const accountId = '6f1c1d5e-8a7b-4b8e-9d55-0a1b2c3d4e5f';

  it('lets a customer see their own account', () => {
    expect(maySeeAccount({ roles: ['customer'], accountId }, accountId)).toBe(true);
  });

  it('hides another account from a customer', () => {
    expect(
      maySeeAccount({ roles: ['customer'], accountId: 'a-different-account' }, accountId),
    ).toBe(false);
  });

  it('hides every account from a customer token without an account', () => {
    expect(maySeeAccount({ roles: ['customer'] }, accountId)).toBe(false);
  });

  it.each(['helpdesk', 'validator', 'ops', 'admin'])('lets %s staff see any account', (role) => {
    expect(maySeeAccount({ roles: [role] }, accountId)).toBe(true);
  });
});
