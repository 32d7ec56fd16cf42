import { Inject, Injectable } from '@nestjs/common';
import type {
  AccessLinkKeyring,
  LoginDetailsIssuedPayload,
  LoginDetailsIssuedV2Payload,
  PasswordChangedPayload,
  PasswordResetRequestedPayload,
  PasswordResetRequestedV2Payload,
} from '@metered/contracts';
import type { EventEnvelope } from '@metered/event-platform';
import { EmailQueue } from '../emails/email-queue.service';
import { loginDetailsEmail } from '../templates/login-details.template';
import { passwordChangedEmail } from '../templates/password-changed.template';
import { passwordResetEmail } from '../templates/password-reset.template';
import { ACCESS_LINK_KEYRING } from './access-link-keyring';
import { openLink } from './sealed-link-opener';

/** v2 seals the link; v1 (deprecated, accepted for one release) carries it in clear. */
export type LoginDetailsIssuedAnyPayload = LoginDetailsIssuedPayload | LoginDetailsIssuedV2Payload;
export type PasswordResetRequestedAnyPayload =
  PasswordResetRequestedPayload | PasswordResetRequestedV2Payload;

/**
 * Emails carrying identity's one-time links — set a first password, reset a forgotten one —
 * and the notice after a reset link was used. The link is opened (AccessLinkKeyring) only
 * here, just before the email is composed.
 */
@Injectable()
export class AccessLinkEmailsService {
  constructor(
    @Inject(EmailQueue) private readonly queue: EmailQueue,
    @Inject(ACCESS_LINK_KEYRING) private readonly keyring: AccessLinkKeyring,
  ) {}

  async onLoginDetailsIssued(event: EventEnvelope<LoginDetailsIssuedAnyPayload>): Promise<void> {
    const { payload } = event;
    const setPasswordUrl =
      'setPasswordLink' in payload
        ? openLink(this.keyring, event.type, payload, payload.setPasswordLink)
        : payload.setPasswordUrl;
    await this.queue.enqueue(
      'login-details',
      event,
      payload.email,
      loginDetailsEmail({ ...payload, setPasswordUrl, issuedAt: event.occurredAt }),
    );
  }

  async onPasswordResetRequested(
    event: EventEnvelope<PasswordResetRequestedAnyPayload>,
  ): Promise<void> {
    const { payload } = event;
    const resetUrl =
      'resetLink' in payload
        ? openLink(this.keyring, event.type, payload, payload.resetLink)
        : payload.resetUrl;
    await this.queue.enqueue(
      'password-reset',
      event,
      payload.email,
      passwordResetEmail({ ...payload, resetUrl, issuedAt: event.occurredAt }),
    );
  }

  async onPasswordChanged(event: EventEnvelope<PasswordChangedPayload>): Promise<void> {
    const { payload } = event;
    await this.queue.enqueue(
      'password-changed',
      event,
      payload.email,
      passwordChangedEmail(payload),
    );
  }
}
