import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { FORECAST_CONFIDENCES, FORECAST_STATES } from '@metered/contracts';

export class FleetQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff: the account (required); customers: their own',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class FleetSupplyDto {
  @ApiProperty() supplyId: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional() reorderNumber?: string;
  @ApiProperty({ description: 'RFC 3805: units, or -1 other, -2 unknown, -3 some remaining' })
  level: number;
  @ApiProperty() maxCapacity: number;
  @ApiPropertyOptional() percent?: number;
  @ApiPropertyOptional({ enum: ['ok', 'low', 'empty'] }) coarseState?: string;
  @ApiProperty({ enum: FORECAST_STATES }) state: string;
  @ApiPropertyOptional() daysToEmpty?: number;
  @ApiPropertyOptional({ enum: FORECAST_CONFIDENCES }) confidence?: string;
  @ApiPropertyOptional() onsiteUnits?: number;
}

export class FleetDeviceDto {
  @ApiProperty() serial: string;
  @ApiPropertyOptional() modelName?: string;
  @ApiPropertyOptional({ format: 'date-time' }) lastReadAt?: string;
  @ApiProperty() silent: boolean;
  @ApiPropertyOptional() totalPages?: number;
  @ApiProperty({ type: [FleetSupplyDto] }) supplies: FleetSupplyDto[];
}

export class FleetDto {
  @ApiProperty() accountId: string;
  @ApiProperty() silentAfterDays: number;
  @ApiProperty({
    type: [FleetDeviceDto],
    description: 'Silent first, then by lowest days to empty',
  })
  devices: FleetDeviceDto[];
}

export class SuggestionItemDto {
  @ApiProperty() reorderNumber: string;
  @ApiPropertyOptional() daysToEmpty?: number;
  @ApiProperty({ enum: FORECAST_STATES }) state: string;
  @ApiPropertyOptional({ enum: FORECAST_CONFIDENCES }) confidence?: string;
  @ApiProperty() onsiteUnits: number;
  @ApiProperty({ description: 'Units covering lead time + review period, minus onsite stock' })
  suggestedQuantity: number;
}

export class SuggestionsDto {
  @ApiProperty() serial: string;
  @ApiProperty() country: string;
  @ApiProperty() leadTimeDays: number;
  @ApiProperty() reviewDays: number;
  @ApiProperty({ type: [SuggestionItemDto] }) items: SuggestionItemDto[];
}
