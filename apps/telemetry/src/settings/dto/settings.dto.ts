import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class SettingsQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff: the account (required); customers: their own',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class ChangeSettingsDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff: the account (required); customers: their own',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: 'Place orders (channel auto) when a supply runs low' })
  @IsOptional()
  @IsBoolean()
  autoReplenishment?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  silentAfterDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  lowLevelPercent?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  safetyDays?: number;
}

export class SettingsDto {
  @ApiProperty() accountId: string;
  @ApiProperty({ default: false }) autoReplenishment: boolean;
  @ApiProperty({ default: 3 }) silentAfterDays: number;
  @ApiProperty({ default: 15 }) lowLevelPercent: number;
  @ApiProperty({ default: 7 }) safetyDays: number;
}
