import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDITED_SERVICES } from '@metered/contracts';

export const MAX_AUDIT_PAGE = 200;

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** GET /audit/accounts/:accountId: one account's history, a page at a time, no other filter. */
export class AccountHistoryQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;
}

/** GET /audit: the whole trail, filtered, a page at a time. */
export class ListAuditQuery extends AccountHistoryQuery {
  @ApiPropertyOptional({ description: 'The customer account concerned' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(64)
  accountId?: string;

  @ApiPropertyOptional({ description: 'Who did it: a user id or an email (case-insensitive)' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(254)
  actor?: string;

  @ApiPropertyOptional({ description: '`<subject>.<verb>`', example: 'order.released' })
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^[a-z][a-z-]*\.[a-z][a-z-]*$/, { message: 'action must look like subject.verb' })
  action?: string;

  @ApiPropertyOptional({ enum: AUDITED_SERVICES })
  @IsOptional()
  @IsIn(AUDITED_SERVICES)
  service?: string;
}
