/**
 * Who hears about an account's orders: every customer user of the account that identity told
 * us about — the first user from RegistrationApproved, every later one from UserActivated.
 * The first user is mailed even before activating: the helpdesk may order for the account by
 * phone in the meantime, and they are the account's registered contact.
 */
export interface AccountRecipient {
  userId: string;
  /** Lower case. */
  email: string;
  /** From RegistrationApproved, or UserActivated since it names the user (older ones do not). */
  name?: string;
}

/** The fields of identity's user events this rule looks at. */
export interface UserFacts {
  userId: string;
  accountId?: string;
  email: string;
  name?: string;
  roles: readonly string[];
}

/** A customer user of an account; staff (no account, or no customer role) never get order mail. */
export function recipientOfActivatedUser(
  user: UserFacts,
): { accountId: string; recipient: AccountRecipient } | undefined {
  if (!user.accountId || !user.roles.includes('customer')) return undefined;
  return {
    accountId: user.accountId,
    recipient: {
      userId: user.userId,
      email: user.email.toLowerCase(),
      ...(user.name?.trim() ? { name: user.name.trim() } : {}),
    },
  };
}

/**
 * Adds or refreshes one user. Both events may arrive in any order and more than once, so the
 * merge keeps the name either one brought and is a no-op for a repeat.
 */
export function withRecipient(
  recipients: readonly AccountRecipient[],
  incoming: AccountRecipient,
): AccountRecipient[] {
  const normalised = { ...incoming, email: incoming.email.toLowerCase() };
  const known = recipients.find((recipient) => recipient.userId === incoming.userId);
  if (!known) return [...recipients, normalised];
  const merged: AccountRecipient = {
    userId: known.userId,
    email: normalised.email,
    ...((normalised.name ?? known.name) ? { name: normalised.name ?? known.name } : {}),
  };
  return recipients.map((recipient) => (recipient.userId === known.userId ? merged : recipient));
}

/** One email per address, even if two user ids share one. */
export function mailingList(recipients: readonly AccountRecipient[]): AccountRecipient[] {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    if (seen.has(recipient.email)) return false;
    seen.add(recipient.email);
    return true;
  });
}

/** How an email about the account greets one of its users: by name, else the company's team. */
export function greetingOf(
  recipients: readonly AccountRecipient[],
  userId: string,
  company: string,
): string {
  const name = recipients.find((recipient) => recipient.userId === userId)?.name?.trim();
  return name || `${company} team`;
}
