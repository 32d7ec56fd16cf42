import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { REGISTRATION_STATUSES, RegistrationStatus } from '../domain/registration';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export class ListRegistrationsQuery {
  @ApiPropertyOptional({
    enum: REGISTRATION_STATUSES,
    description: 'default: awaiting-checks and pending-review',
  })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'next page: only requests made before this time (the last `requestedAt` seen)',
  })
  @IsOptional()
  @IsISO8601()
  before?: string;
}
