import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '@metered/service-kit';
import { REORDER_NUMBER_PATTERN } from '@metered/contracts/reference/identifiers';
import { ORDERING_CONFIG, type OrderingConfig } from '../config/ordering.config';
import {
  defaultAllowance,
  type AllowanceOf,
} from '../orders/commands/place-order/domain/sense-check';
import { SerialsRepository } from '../read-models/persistence/serials.repository';
import type { AllowanceResponse } from './dto/allowance.dto';
import { AllowancesRepository } from './persistence/allowances.repository';

/** The consumption sense check's allowances: N cartons by default, overridable per item. */
@Injectable()
export class AllowancesService {
  constructor(
    private readonly allowances: AllowancesRepository,
    private readonly serials: SerialsRepository,
    @Inject(ORDERING_CONFIG) private readonly config: OrderingConfig,
  ) {}

  /** The allowance rule for an order with these items (one read for all overrides). */
  async allowanceFor(reorderNumbers: readonly string[]): Promise<AllowanceOf> {
    return defaultAllowance(
      this.config.allowanceCartons,
      await this.allowances.findMany(reorderNumbers),
    );
  }

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

  async set(reorderNumber: string, allowanceBottles: number, by: string) {
    checkReorderNumber(reorderNumber);
    await this.allowances.save({
      reorderNumber,
      allowanceBottles,
      updatedBy: by,
      updatedAt: new Date(),
    });
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
