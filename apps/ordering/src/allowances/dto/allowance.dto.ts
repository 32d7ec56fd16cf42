import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_ALLOWANCE_BOTTLES = 10000;

export class SetAllowanceDto {
  @ApiProperty({
    minimum: 0,
    maximum: MAX_ALLOWANCE_BOTTLES,
    description: 'Most bottles an account should hold of this item (onsite + ordered)',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_ALLOWANCE_BOTTLES)
  allowanceBottles: number;
}

export class AllowanceResponse {
  @ApiProperty({ example: 'TK-5240K' }) reorderNumber: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'The allowance in force; null when the item is unknown to ordering and has no override',
  })
  allowanceBottles: number | null;
  @ApiProperty({ enum: ['override', 'default'] }) source: 'override' | 'default';
  @ApiProperty({ description: 'The default: this many cartons of the item' })
  defaultCartons: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedBy: string | null;
}
