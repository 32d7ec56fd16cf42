import { readFileSync } from 'node:fs';
import { AccessLinkKeyring, readAccessLinkKeyring } from '@metered/contracts';

/** The keys notifications opens identity's sealed links with (ACCESS_LINK_KEY, …_PREVIOUS_KEYS). */
export const ACCESS_LINK_KEYRING = Symbol('ACCESS_LINK_KEYRING');

/** Read once at start: a malformed key stops the service instead of dead-lettering every link. */
export function readNotificationsKeyring(env: NodeJS.ProcessEnv = process.env): AccessLinkKeyring {
  return readAccessLinkKeyring(env, (path) => readFileSync(path, 'utf8'));
}
