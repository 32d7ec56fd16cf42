import { Inject, Injectable } from '@nestjs/common';
import type {
  LoginDetailsIssuedPayload,
  PasswordChangedPayload,
  PasswordResetRequestedPayload,
} from '@metered/contracts';
import type { EventEnvelope } from '@metered/event-platform';
import { EmailQueue } from '../emails/email-queue.service';
import { loginDetailsEmail } from '../templates/login-details.template';
import { passwordChangedEmail } from '../templates/password-changed.template';
import { passwordResetEmail } from '../templates/password-reset.template';

/**
 * Emails carrying identity's one-time links — set a first password, reset a forgotten one —
 * and the notice after a reset link was used.
 */
@Injectable()
export class AccessLinkEmailsService {
  constructor(@Inject(EmailQueue) private readonly queue: EmailQueue) {}

  async onLoginDetailsIssued(event: EventEnvelope<LoginDetailsIssuedPayload>): Promise<void> {
    const { payload } = event;
    await this.queue.enqueue(
      'login-details',
      event,
      payload.email,
      loginDetailsEmail({ ...payload, issuedAt: event.occurredAt }),
    );
  }

  async onPasswordResetRequested(
    event: EventEnvelope<PasswordResetRequestedPayload>,
  ): Promise<void> {
    const { payload } = event;
    await this.queue.enqueue(
      'password-reset',
      event,
      payload.email,
      passwordResetEmail({ ...payload, issuedAt: event.occurredAt }),
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
