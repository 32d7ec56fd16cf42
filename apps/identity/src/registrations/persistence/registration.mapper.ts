import {
  isOpen,
  Registration,
  RegistrationChecks,
  RegistrationStatus,
  SerialCheck,
} from '../domain/registration';
import type { OutboxFields } from '@metered/event-platform';
import { RegistrationDocument } from './registration.schema';

type StoredFields = Omit<RegistrationDocument, keyof OutboxFields>;

/** Between the domain's Registration and the stored document; no mongoose types leak out. */
export class RegistrationMapper {
  static toDomain(document: StoredFields): Registration {
    return {
      id: document._id,
      status: document.status as RegistrationStatus,
      company: document.company,
      contactName: document.contactName,
      email: document.email,
      phone: document.phone,
      country: document.country,
      shipTo: { ...document.shipTo },
      serials: [...document.serials],
      checks: document.checks ? RegistrationMapper.checksToDomain(document.checks) : null,
      decision: document.decision
        ? { ...document.decision, decidedAt: new Date(document.decision.decidedAt) }
        : null,
      approvalClaim: document.approvalClaim
        ? { ...document.approvalClaim, claimedAt: new Date(document.approvalClaim.claimedAt) }
        : null,
      requestedAt: new Date(document.requestedAt),
    };
  }

  /** Every stored field except `_id`, for an insert (with `_id`) or a whole `$set`. */
  static toFields(registration: Registration): Omit<StoredFields, '_id'> {
    return {
      status: registration.status,
      company: registration.company,
      contactName: registration.contactName,
      email: registration.email,
      phone: registration.phone,
      country: registration.country,
      shipTo: withoutUndefined(registration.shipTo),
      serials: registration.serials,
      checks: registration.checks
        ? {
            ...registration.checks,
            results: registration.checks.results.map((result) => withoutUndefined(result)),
          }
        : null,
      decision: registration.decision ? withoutUndefined(registration.decision) : null,
      approvalClaim: registration.approvalClaim,
      emailClaim: isOpen(registration.status) ? registration.email : registration.id,
      requestedAt: registration.requestedAt,
    };
  }

  private static checksToDomain(checks: NonNullable<StoredFields['checks']>): RegistrationChecks {
    return {
      checkedAt: new Date(checks.checkedAt),
      allEligible: checks.allEligible,
      results: checks.results as SerialCheck[],
    };
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
