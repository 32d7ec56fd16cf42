import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { REORDER_NUMBER_PATTERN, SERIAL_NUMBER_PATTERN } from '@metered/contracts';
import { Trimmed, UpperCased } from '../../common/normalise.transforms';
import { MultiLine } from '@metered/service-kit';

export class AddDeviceBodyDto {
  @ApiProperty({ example: 'E72345A6N1', description: 'Checked like a registration serial' })
  @UpperCased()
  @Matches(SERIAL_NUMBER_PATTERN, { message: 'serial must be 8–15 letters and digits' })
  serial: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why (kept in the audit trail)' })
  @Trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @MultiLine()
  reason?: string;
}

export class RemoveDeviceBodyDto {
  @ApiProperty({ maxLength: 500, description: 'Why the machine leaves the account' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @MultiLine()
  reason: string;
}

export class AddSupplyItemBodyDto {
  @ApiProperty({ example: 'TK-5240K' })
  @UpperCased()
  @Matches(REORDER_NUMBER_PATTERN, { message: 'reorderNumber must be a reorder number' })
  reorderNumber: string;
}

export class RemovedDeviceDto {
  @ApiProperty() serial: string;
  @ApiProperty({ format: 'uuid', description: 'The account it was removed from' })
  accountId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) removedAt: string;
}
