import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DEAD_LETTER_STATUSES, DeadLetterStatus } from '../domain/dead-letter';

export const MAX_DEAD_LETTERS = 200;

export class ListDeadLettersQuery {
  @ApiPropertyOptional({ enum: DEAD_LETTER_STATUSES })
  @IsOptional()
  @IsIn(DEAD_LETTER_STATUSES)
  status?: DeadLetterStatus;

  @ApiPropertyOptional({ description: 'The original topic', example: 'ordering.order.v1' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{0,200}$/, { message: 'topic must be a topic name' })
  topic?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DEAD_LETTERS, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DEAD_LETTERS)
  limit?: number;
}
