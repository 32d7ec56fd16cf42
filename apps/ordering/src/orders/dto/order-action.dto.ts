import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MultiLine } from '@metered/service-kit';

export class ReleaseOrderDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why it may go (kept in the history)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @MultiLine()
  note?: string;
}

export class CancelOrderDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Ordered twice by mistake' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @MultiLine()
  reason: string;
}
