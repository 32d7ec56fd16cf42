import { mailingList, recipientOfActivatedUser, withRecipient } from './account-recipients';

const alice = { userId: 'u-alice', email: 'Alice@Acme.example', name: 'Alice Doe' };

describe('account recipients', () => {
  it('adds a new user with a lower-case address', () => {
    expect(withRecipient([], alice)).toEqual([
      { userId: 'u-alice', email: 'alice@acme.example', name: 'Alice Doe' },
    ]);
  });

  it('keeps the name from the approval when the activation of the same user arrives later', () => {
    const approved = withRecipient([], alice);
    const activated = withRecipient(approved, { userId: 'u-alice', email: 'alice@acme.example' });
    expect(activated).toEqual(approved);
  });

  it('takes the name of an approval that arrives after the activation', () => {
    const activated = withRecipient([], { userId: 'u-alice', email: 'alice@acme.example' });
    expect(withRecipient(activated, alice)).toEqual([
      { userId: 'u-alice', email: 'alice@acme.example', name: 'Alice Doe' },
    ]);
  });

  it('is a no-op for a repeated event', () => {
    const once = withRecipient([], alice);
    expect(withRecipient(once, alice)).toEqual(once);
  });

  it('mails customer users of an account only, never staff', () => {
    const user = { userId: 'u1', email: 'Bob@Acme.example', activatedAt: '' };
    expect(recipientOfActivatedUser({ ...user, accountId: 'a1', roles: ['customer'] })).toEqual({
      accountId: 'a1',
      recipient: { userId: 'u1', email: 'bob@acme.example' },
    });
    expect(recipientOfActivatedUser({ ...user, roles: ['helpdesk'] })).toBeUndefined();
    expect(recipientOfActivatedUser({ ...user, accountId: 'a1', roles: ['ops'] })).toBeUndefined();
  });

  it('sends one email per address even when two users share it', () => {
    const list = [
      { userId: 'u1', email: 'shared@acme.example' },
      { userId: 'u2', email: 'shared@acme.example' },
      { userId: 'u3', email: 'carol@acme.example' },
    ];
    expect(mailingList(list).map((recipient) => recipient.userId)).toEqual(['u1', 'u3']);
  });
});
