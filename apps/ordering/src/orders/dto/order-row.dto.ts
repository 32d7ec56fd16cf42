import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { normaliseIdentifier } from '@metered/contracts/reference';

/** Sanity bounds at the edge; the per-item maximum is a business rule checked after. */
export const MAX_ONSITE_CARTONS = 1000;
export const MAX_ONSITE_BOTTLES = 10000;
export const MAX_ROW_QUANTITY = 10000;

const normalised = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? normaliseIdentifier(value) : value,
);

/** One order row as the customer fills it in. */
export class OrderRowDto {
  @ApiProperty({
    example: 'TK-5240K',
    description: 'An item tied to the serial (trimmed, upper-cased)',
  })
  @normalised
  @IsString()
  reorderNumber: string;

  @ApiProperty({ minimum: 0, maximum: MAX_ONSITE_CARTONS, description: 'Full cartons onsite' })
  @IsInt()
  @Min(0)
  @Max(MAX_ONSITE_CARTONS)
  fullCartonsOnsite: number;

  @ApiProperty({
    minimum: 0,
    maximum: MAX_ONSITE_BOTTLES,
    description: 'Individual bottles onsite besides the full cartons',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_ONSITE_BOTTLES)
  bottlesOnsite: number;

  @ApiProperty({
    minimum: 1,
    description: 'Bottles (or units) to order; at most the item`s `maxQuantity` (catalog)',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_ROW_QUANTITY)
  quantity: number;
}

export { normalised as NormalisedIdentifier };
