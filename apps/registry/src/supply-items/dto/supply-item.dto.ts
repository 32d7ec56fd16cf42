import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { SUPPLY_KINDS } from '@metered/contracts';
import { UpperCased } from '../../common/normalise.transforms';
import { MODEL_CODE_PATTERN } from '../../device-models/domain/device-model';
import type { SupplyKind } from '../domain/supply-item';

/** What a device view shows of an item. */
export class SupplyItemSummaryDto {
  @ApiProperty({ example: 'TN-3540K' })
  reorderNumber: string;

  @ApiProperty({ example: 'Toner cartridge, black' })
  description: string;

  @ApiProperty({ enum: SUPPLY_KINDS })
  kind: SupplyKind;

  @ApiProperty({ description: 'Bottles (or units) in one full carton', example: 4 })
  bottlesPerCarton: number;
}

export class SupplyItemDto extends SupplyItemSummaryDto {
  @ApiProperty({ type: [String], description: 'Codes of the models it fits' })
  compatibleModels: string[];
}

export class SupplyItemListDto {
  @ApiProperty({ type: [SupplyItemDto] })
  items: SupplyItemDto[];
}

export class SupplyItemsQueryDto {
  @ApiPropertyOptional({ description: 'Only items compatible with this model code' })
  @IsOptional()
  @UpperCased()
  @Matches(MODEL_CODE_PATTERN, { message: 'model must be a model code' })
  model?: string;
}
