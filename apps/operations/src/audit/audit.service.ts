import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StaffActionRecordedPayload } from '@metered/contracts';
import type { EventEnvelope } from '@metered/event-platform';
import { InvalidInputError } from '@metered/service-kit';
import {
  AuditEntry,
  AuditFilter,
  decodeAuditCursor,
  encodeAuditCursor,
} from './domain/audit-entry';
import { AuditEntriesRepository } from './persistence/audit-entries.repository';

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** The audit trail: every staff action of every service, kept once, read by admins. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@Inject(AuditEntriesRepository) private readonly entries: AuditEntriesRepository) {}

  /** Idempotent by auditId: the inbox stops a redelivered event, this stops a re-published one. */
  async record(envelope: EventEnvelope<StaffActionRecordedPayload>): Promise<void> {
    const { payload } = envelope;
    const recorded = await this.entries.insertOnce({
      auditId: payload.auditId,
      service: payload.service,
      actor: {
        userId: payload.actor.userId,
        email: payload.actor.email,
        roles: payload.actor.roles,
      },
      action: payload.action,
      subject: { type: payload.subject.type, id: payload.subject.id },
      accountId: payload.accountId,
      before: payload.before,
      after: payload.after,
      reason: payload.reason,
      at: new Date(payload.at),
      recordedAt: new Date(),
      eventId: envelope.eventId,
      correlationId: envelope.correlationId,
    });
    if (!recorded) this.logger.log(`audit entry ${payload.auditId} was already recorded`);
  }

  async list(filter: AuditFilter, limit: number, cursor?: string): Promise<AuditPage> {
    const after = cursor === undefined ? undefined : decodeAuditCursor(cursor);
    if (cursor !== undefined && !after) {
      throw new InvalidInputError([{ field: 'cursor', reason: 'not a cursor of this list' }]);
    }
    const found = await this.entries.find(filter, limit + 1, after);
    const items = found.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        found.length > limit && last
          ? encodeAuditCursor({ at: last.at, auditId: last.auditId })
          : null,
    };
  }
}
