import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { COUNTRY_CODES } from '@metered/contracts';
import { Trimmed, UpperCased } from '../../common/normalise.transforms';

export class ShipToAddressDto {
  @ApiProperty() line1: string;
  @ApiPropertyOptional() line2?: string;
  @ApiProperty() city: string;
  @ApiPropertyOptional() state?: string;
  @ApiProperty() postalCode: string;
  @ApiProperty({ example: 'US' }) country: string;
}

/** The new ship-to address the helpdesk enters (`PUT /accounts/:id/ship-to`). */
export class ShipToAddressBodyDto {
  @ApiProperty({ maxLength: 120 })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  line1: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @Trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(120)
  line2?: string;

  @ApiProperty({ maxLength: 80 })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  city: string;

  @ApiPropertyOptional({ maxLength: 80 })
  @Trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  state?: string;

  @ApiProperty({ maxLength: 20 })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode: string;

  @ApiProperty({ example: 'US', description: "Must be the account's country" })
  @UpperCased()
  @IsIn(COUNTRY_CODES)
  country: string;
}

export class HelpdeskContactDto {
  @ApiProperty({ example: '1-800-275-9376' })
  phone: string;

  @ApiProperty({ type: [Number], example: [1, 3, 3], description: 'Phone-menu choices, in order' })
  prompts: number[];
}

export class AccountDto {
  @ApiProperty({ format: 'uuid' })
  accountId: string;

  @ApiProperty({ example: 'Acme Office Supplies' })
  company: string;

  @ApiProperty({ example: 'US' })
  country: string;

  @ApiProperty({
    type: ShipToAddressDto,
    description: 'Read-only for customers: the helpdesk changes it',
  })
  shipTo: ShipToAddressDto;

  @ApiProperty({ type: [String], description: 'Serials linked to the account' })
  serials: string[];

  @ApiPropertyOptional({
    type: HelpdeskContactDto,
    nullable: true,
    description: "The Supplies Helpdesk of the account's country (call it to change the address)",
  })
  helpdesk: HelpdeskContactDto | null;
}

export class AccountSummaryDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() company: string;
  @ApiProperty({ example: 'US' }) country: string;
  @ApiProperty({ type: ShipToAddressDto }) shipTo: ShipToAddressDto;
  @ApiProperty({ type: [String] }) serials: string[];
}

export class AccountSearchResultDto {
  @ApiProperty({ type: [AccountSummaryDto], description: 'At most 50, by company' })
  items: AccountSummaryDto[];
}

export class AccountSearchQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the company name (any case), an exact serial, or an account id',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  q?: string;
}
