import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import { StaffActionRecordedEvent } from '@metered/contracts';
import { REORDER_NUMBER_PATTERN } from '@metered/contracts/reference';
import { EventOutbox } from '@metered/event-platform';
import { InvalidInputError } from '@metered/service-kit';
import { ORDERING_CONFIG, type OrderingConfig } from '../config/ordering.config';
import { ALLOWANCE_CHANGED } from '../read-models/cache/allowance-changes';
import { SerialsRepository } from '../read-models/persistence/serials.repository';
import type { AllowanceResponse } from './dto/allowance.dto';
import { AllowancesRepository } from './persistence/allowances.repository';

/** The consumption sense check's allowances: N cartons by default, overridable per item. */
@Injectable()
export class AllowancesService {
  constructor(
    private readonly allowances: AllowancesRepository,
    private readonly serials: SerialsRepository,
    private readonly outbox: EventOutbox,
    @Inject(ORDERING_CONFIG) private readonly config: OrderingConfig,
  ) {}

  async get(reorderNumber: string): Promise<AllowanceResponse> {
    checkReorderNumber(reorderNumber);
    const override = await this.allowances.find(reorderNumber);
    if (override) {
      return {
        reorderNumber,
        allowanceBottles: override.allowanceBottles,
        source: 'override',
        defaultCartons: this.config.allowanceCartons,
        updatedAt: override.updatedAt.toISOString(),
        updatedBy: override.updatedBy,
      };
    }
    const perCarton = await this.serials.bottlesPerCartonOf(reorderNumber);
    return {
      reorderNumber,
      allowanceBottles: perCarton === undefined ? null : perCarton * this.config.allowanceCartons,
      source: 'default',
      defaultCartons: this.config.allowanceCartons,
      updatedAt: null,
      updatedBy: null,
    };
  }

  /**
   * Sets the override with its audit record (StaffActionRecorded `allowance.changed`) in one
   * write; the record is also what tells every replica's placement cache of the change.
   */
  async set(reorderNumber: string, allowanceBottles: number, by: AuthenticatedUser) {
    checkReorderNumber(reorderNumber);
    const updatedAt = new Date();
    await this.allowances.save(
      { reorderNumber, allowanceBottles, updatedBy: by.userId, updatedAt },
      (before) => [
        this.outbox.create(StaffActionRecordedEvent, {
          auditId: randomUUID(),
          service: 'ordering',
          actor: { userId: by.userId, email: by.email, roles: [...by.roles] },
          action: ALLOWANCE_CHANGED,
          subject: { type: 'allowance', id: reorderNumber },
          ...(before ? { before: { allowanceBottles: before.allowanceBottles } } : {}),
          after: { allowanceBottles },
          at: updatedAt.toISOString(),
        }),
      ],
    );
    return this.get(reorderNumber);
  }
}

function checkReorderNumber(reorderNumber: string): void {
  if (!REORDER_NUMBER_PATTERN.test(reorderNumber)) {
    throw new InvalidInputError([
      { field: 'reorderNumber', reason: 'a reorder number has 3-20 letters, digits and dashes' },
    ]);
  }
}
