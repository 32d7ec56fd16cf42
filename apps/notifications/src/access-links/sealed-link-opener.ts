import {
  accessLinkContext,
  AccessLinkKeyring,
  AccessLinkSealError,
  SealedLink,
} from '@metered/contracts';
import { EventRejectedError } from '@metered/event-platform';

/**
 * The link of an access-link event, opened just before the email is composed. A link that
 * does not open (tampered, sealed for another event, unknown key id) rejects the event: it is
 * dead-lettered with the reason, and no email goes out. The link itself is never logged, and
 * the error names only the key id.
 */
export function openLink(
  keyring: AccessLinkKeyring,
  eventType: string,
  recipient: { userId: string; email: string },
  sealed: SealedLink,
): string {
  try {
    return keyring.open(sealed, accessLinkContext(eventType, recipient.userId, recipient.email));
  } catch (error) {
    if (error instanceof AccessLinkSealError)
      throw new EventRejectedError('handler-rejected', error.message);
    throw error;
  }
}
