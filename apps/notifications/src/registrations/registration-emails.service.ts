import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  RegistrationRejectedPayload,
  RegistrationRequestedPayload,
  SerialsValidatedPayload,
} from '@metered/contracts';
import type { EventEnvelope } from '@metered/event-platform';
import { EmailQueue } from '../emails/email-queue.service';
import { registrationReceivedEmail } from '../templates/registration-received.template';
import { registrationRejectedEmail } from '../templates/registration-rejected.template';
import { serialsNotEligibleEmail } from '../templates/serials-not-eligible.template';
import { ParkedCheck, RegistrationContact } from './persistence/registration-contact.schema';
import { RegistrationContactsRepository } from './persistence/registration-contacts.repository';

/**
 * Emails about registration requests. SerialsValidated names only the registration, so the
 * contact comes from notifications' read model, built from RegistrationRequested. The two
 * events travel on different topics, so the check result may arrive first: it is then
 * *parked* in the read model and mailed when the request arrives. Throwing instead would
 * only retry for a few seconds before dead-lettering — a lagging identity topic (this
 * service was down, one partition behind) would need a manual replay for every such email.
 */
@Injectable()
export class RegistrationEmailsService {
  private readonly logger = new Logger(RegistrationEmailsService.name);

  constructor(
    @Inject(EmailQueue) private readonly queue: EmailQueue,
    @Inject(RegistrationContactsRepository)
    private readonly contacts: RegistrationContactsRepository,
  ) {}

  async onRegistrationRequested(event: EventEnvelope<RegistrationRequestedPayload>): Promise<void> {
    const { payload } = event;
    await this.queue.enqueue(
      'registration-received',
      event,
      payload.email,
      registrationReceivedEmail(payload),
    );
    const contact: RegistrationContact = {
      email: payload.email,
      contactName: payload.contactName,
      company: payload.company,
      country: payload.country,
    };
    await this.contacts.update(payload.registrationId, async ({ parkedChecks }) => {
      // Queued before they leave the read model: a crash in between only queues them again,
      // which the messageId turns into a no-op.
      for (const parked of parkedChecks) await this.mailCheck(contact, parked);
      return { contact, parkedChecks: [] };
    });
  }

  async onSerialsValidated(event: EventEnvelope<SerialsValidatedPayload>): Promise<void> {
    const { payload } = event;
    const failed = payload.results.filter((result) => result.outcome !== 'eligible');
    if (failed.length === 0) return;
    const check: ParkedCheck = {
      eventId: event.eventId,
      correlationId: event.correlationId,
      results: payload.results.map(({ serial, outcome, message }) => ({
        serial,
        outcome,
        message,
      })),
      parkedAt: new Date(),
    };
    await this.contacts.update(payload.registrationId, async (current) => {
      if (current.contact) {
        await this.mailCheck(current.contact, check);
        return current;
      }
      this.logger.log(
        `SerialsValidated ${event.eventId} for ${payload.registrationId} parked until its RegistrationRequested arrives`,
      );
      const others = current.parkedChecks.filter((parked) => parked.eventId !== check.eventId);
      return { ...current, parkedChecks: [...others, check] };
    });
  }

  async onRegistrationRejected(event: EventEnvelope<RegistrationRejectedPayload>): Promise<void> {
    await this.queue.enqueue(
      'registration-rejected',
      event,
      event.payload.email,
      registrationRejectedEmail(event.payload),
    );
  }

  private async mailCheck(contact: RegistrationContact, check: ParkedCheck): Promise<void> {
    const failed = check.results.filter((result) => result.outcome !== 'eligible');
    await this.queue.enqueue(
      'serials-not-eligible',
      check,
      contact.email,
      serialsNotEligibleEmail({
        contactName: contact.contactName,
        country: contact.country,
        failed,
        eligibleCount: check.results.length - failed.length,
      }),
    );
  }
}
