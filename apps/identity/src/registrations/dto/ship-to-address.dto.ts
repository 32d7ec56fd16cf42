import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { COUNTRY_CODES } from '@metered/contracts';
import { Trim } from './trim.transform';

/** Where the account's supplies go; only the helpdesk changes it after approval. */
export class ShipToAddressDto {
  @ApiProperty({ example: '100 Main Street', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  line1: string;

  @ApiPropertyOptional({ example: 'Building 2', maxLength: 120 })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(120)
  line2?: string;

  @ApiProperty({ example: 'Rochester', maxLength: 80 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  city: string;

  @ApiPropertyOptional({ example: 'NY', maxLength: 80 })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  state?: string;

  @ApiProperty({ example: '14604', maxLength: 20 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode: string;

  @ApiProperty({ example: 'US', enum: COUNTRY_CODES, description: 'the registration country' })
  @IsIn(COUNTRY_CODES)
  country: string;
}
