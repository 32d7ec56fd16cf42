import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TEMPLATE_NAMES, TemplateName } from '../../templates/email-layout';
import { EMAIL_STATUSES, EmailStatus } from '../domain/email';

export const MAX_EMAIL_LOG_ITEMS = 200;

export class ListEmailsQuery {
  @ApiPropertyOptional({ description: 'Recipient (case-insensitive)', example: 'ada@example.com' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmail()
  to?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_NAMES })
  @IsOptional()
  @IsIn(TEMPLATE_NAMES)
  template?: TemplateName;

  @ApiPropertyOptional({
    enum: EMAIL_STATUSES,
    description: 'e.g. `failed` to see what never left',
  })
  @IsOptional()
  @IsIn(EMAIL_STATUSES)
  status?: EmailStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_EMAIL_LOG_ITEMS, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EMAIL_LOG_ITEMS)
  limit?: number;
}
