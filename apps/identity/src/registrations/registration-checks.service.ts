import { Injectable } from '@nestjs/common';
import { SerialsValidatedPayload } from '@metered/contracts';
import { EventRejectedError } from '@metered/event-platform';
import { SerialCheck } from './domain/registration';
import { acceptsChecks, checksMismatch } from './domain/registration-rules';
import { RegistrationsRepository } from './persistence/registrations.repository';

/** Stores the registry's verdict on a registration's serials for the validator to see. */
@Injectable()
export class RegistrationChecksService {
  constructor(private readonly registrations: RegistrationsRepository) {}

  /**
   * Safe to repeat: a redelivered result is not newer than the stored one and changes
   * nothing; results for a decided registration are ignored.
   */
  async recordChecks(payload: SerialsValidatedPayload): Promise<void> {
    const { registrationId } = payload;
    const checkedAt = new Date(payload.checkedAt);
    // Plain objects: the payload's nested class instances are not for storage.
    const results = JSON.parse(JSON.stringify(payload.results)) as SerialCheck[];
    const after = await this.registrations.change(registrationId, (current) => {
      if (!acceptsChecks(current, checkedAt)) return null;
      const mismatch = checksMismatch(current, results);
      if (mismatch) {
        throw new EventRejectedError(
          'handler-rejected',
          `SerialsValidated for registration ${registrationId}: ${mismatch}`,
        );
      }
      return {
        next: {
          ...current,
          status: 'pending-review',
          checks: { checkedAt, allEligible: payload.allEligible, results },
        },
        events: [],
      };
    });
    // Retrying cannot make an unknown registration appear: park it for ops to look at.
    if (!after) {
      throw new EventRejectedError('handler-rejected', `no registration ${registrationId}`);
    }
  }
}
