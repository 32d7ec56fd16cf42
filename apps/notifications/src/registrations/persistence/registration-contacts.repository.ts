import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox } from '@metered/event-platform';
import {
  ParkedCheck,
  REGISTRATION_CONTACT_MODEL,
  RegistrationContact,
  RegistrationContactDocument,
} from './registration-contact.schema';

export interface RegistrationContactState {
  contact?: RegistrationContact;
  parkedChecks: ParkedCheck[];
}

/**
 * Both registration handlers (on two topics, maybe in two replicas) write one registration's
 * document, so every read-decide-write runs under its lock: FerretDB updates are
 * read-then-overwrite and would otherwise lose one of them.
 */
@Injectable()
export class RegistrationContactsRepository {
  constructor(
    @InjectModel(REGISTRATION_CONTACT_MODEL)
    private readonly contacts: Model<RegistrationContactDocument>,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  /** Runs `work` with the registration's current state and stores the state it returns. */
  update(
    registrationId: string,
    work: (current: RegistrationContactState) => Promise<RegistrationContactState>,
  ): Promise<void> {
    return this.outbox.withLock(this.contacts, registrationId, async () => {
      const current = await this.contacts.findById(registrationId).lean();
      const next = await work({
        contact: current?.contact,
        parkedChecks: current?.parkedChecks ?? [],
      });
      const changes = {
        ...(next.contact ? { contact: next.contact } : {}),
        parkedChecks: next.parkedChecks,
        updatedAt: new Date(),
      };
      await this.contacts.updateOne({ _id: registrationId }, { $set: changes }, { upsert: true });
    });
  }
}
