import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RegistrationRequestedEvent } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { ConflictError, InvalidInputError } from '@metered/service-kit';
import { UsersService } from '../users/users.service';
import { Registration, ShipTo } from './domain/registration';
import { normaliseSerials, shipToProblems } from './domain/registration-rules';
import { CreateRegistrationDto } from './dto/create-registration.dto';
import { RegistrationsRepository } from './persistence/registrations.repository';

/** Public intake: a person asks for an account; the registry is asked to check the serials. */
@Injectable()
export class RegistrationIntakeService {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly users: UsersService,
    private readonly outbox: EventOutbox,
  ) {}

  async register(input: CreateRegistrationDto): Promise<Registration> {
    const serials = normaliseSerials(input.serials);
    const problems = [
      ...shipToProblems(input.country, input.shipTo.country),
      ...(serials.ok || serials.kind !== 'invalid' ? [] : serials.problems),
    ];
    if (problems.length > 0 || !serials.ok) throw new InvalidInputError(problems);
    if (await this.users.emailInUse(input.email)) {
      throw new ConflictError('an account with this email already exists');
    }
    const registration: Registration = {
      id: randomUUID(),
      status: 'awaiting-checks',
      company: input.company,
      contactName: input.contactName,
      email: input.email,
      phone: input.phone,
      country: input.country,
      shipTo: shipToOf(input),
      serials: serials.value,
      checks: null,
      decision: null,
      approvalClaim: null,
      requestedAt: new Date(),
    };
    const requested = this.outbox.create(RegistrationRequestedEvent, {
      registrationId: registration.id,
      company: registration.company,
      contactName: registration.contactName,
      email: registration.email,
      phone: registration.phone,
      country: registration.country,
      shipTo: registration.shipTo,
      serials: registration.serials,
      requestedAt: registration.requestedAt.toISOString(),
    });
    // The unique email claim refuses a second open request even when two arrive at once.
    if (!(await this.registrations.insert(registration, [requested]))) {
      throw new ConflictError('a registration with this email is already in progress');
    }
    return registration;
  }
}

/** Optional lines left empty are not stored at all. */
function shipToOf({ shipTo }: CreateRegistrationDto): ShipTo {
  return {
    line1: shipTo.line1,
    ...(shipTo.line2 ? { line2: shipTo.line2 } : {}),
    city: shipTo.city,
    ...(shipTo.state ? { state: shipTo.state } : {}),
    postalCode: shipTo.postalCode,
    country: shipTo.country,
  };
}
