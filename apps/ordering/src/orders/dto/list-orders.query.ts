import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ORDER_STATUSES, type OrderStatus } from '@metered/contracts';
import { NormalisedIdentifier } from './order-row.dto';

export const DEFAULT_ORDER_PAGE = 20;
export const MAX_ORDER_PAGE = 100;

export class ListOrdersQuery {
  @ApiPropertyOptional({ description: 'Only orders for this serial' })
  @IsOptional()
  @NormalisedIdentifier
  @IsString()
  @MaxLength(20)
  serial?: string;

  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: one account`s orders' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ORDER_PAGE, default: DEFAULT_ORDER_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ORDER_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
