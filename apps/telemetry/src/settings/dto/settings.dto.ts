import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';

/**
 * A field a change may leave out — but not send as `null`: `@IsOptional()` would skip the
 * other validators for null, and the service would store and publish it (a 500 when the
 * event's own validation refused it). Absent means "unchanged"; null is refused with a 400.
 */
const Omittable = () => ValidateIf((_object, value) => value !== undefined);

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
  @Omittable()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: 'Place orders (channel auto) when a supply runs low' })
  @Omittable()
  @IsBoolean()
  autoReplenishment?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 60 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(60)
  silentAfterDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 90 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(90)
  lowLevelPercent?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60 })
  @Omittable()
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
