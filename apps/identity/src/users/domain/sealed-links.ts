import {
  accessLinkContext,
  AccessLinkKeyring,
  LoginDetailsIssuedV2Event,
  PasswordResetRequestedV2Event,
  SealedLink,
} from '@metered/contracts';

/** Who a link is mailed to: what its seal is bound to besides the event type. */
export interface LinkAddressee {
  userId: string;
  email: string;
}

/**
 * The portal pages of the one-time links. The token rides in the fragment, which browsers
 * never send: no server, proxy or Referer sees it; the page reads it and posts it.
 */
export function setPasswordUrl(portalUrl: string, token: string): string {
  return `${portalUrl}/set-password#token=${token}`;
}

export function resetPasswordUrl(portalUrl: string, token: string): string {
  return `${portalUrl}/reset-password#token=${token}`;
}

/**
 * The set-password link sealed for notifications (docs/events.md): the event, the outbox and
 * the topic never hold it in clear.
 */
export function sealSetPasswordLink(
  keyring: AccessLinkKeyring,
  to: LinkAddressee,
  url: string,
): SealedLink {
  return keyring.seal(url, accessLinkContext(LoginDetailsIssuedV2Event.type, to.userId, to.email));
}

export function sealResetLink(
  keyring: AccessLinkKeyring,
  to: LinkAddressee,
  url: string,
): SealedLink {
  return keyring.seal(
    url,
    accessLinkContext(PasswordResetRequestedV2Event.type, to.userId, to.email),
  );
}
