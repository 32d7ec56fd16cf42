import { Injectable } from '@nestjs/common';
import type { SupplyItem } from './domain/supply-item';
import { SupplyItemsRepository } from './persistence/supply-items.repository';

/** The supply catalog as staff read it. */
@Injectable()
export class SupplyItemsService {
  constructor(private readonly items: SupplyItemsRepository) {}

  /** Every item, or only those that fit one model code. */
  list(modelCode?: string): Promise<SupplyItem[]> {
    return this.items.find(modelCode);
  }
}
