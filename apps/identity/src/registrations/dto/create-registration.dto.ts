import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { COUNTRY_CODES, SERIAL_NUMBER_PATTERN } from '@metered/contracts';
import { upperCasedInputPattern } from '@metered/service-kit';
import { ShipToAddressDto } from './ship-to-address.dto';
import { LowerCaseTrim, Trim } from './trim.transform';

/**
 * A plausible phone number as people type it: digits with spaces, dots, dashes, brackets
 * and an optional leading +, holding 6 to 15 digits (E.164's maximum).
 */
export const PHONE_PATTERN = /^(?=(?:\D*\d){6,15}\D*$)\+?[\d\s()./-]{6,40}$/;

/** The public registration form. Serial shapes and repeats are checked per position later. */
export class CreateRegistrationDto {
  @ApiProperty({ example: 'Acme Printing Ltd', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  company: string;

  @ApiProperty({ example: 'Pat Example', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  contactName: string;

  @ApiProperty({ example: 'pat@acme.example', maxLength: 254, description: 'case-insensitive' })
  @LowerCaseTrim()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: '+1 555 010 2030', maxLength: 40 })
  @Trim()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be a phone number (6 to 15 digits)' })
  phone: string;

  @ApiProperty({ example: 'US', enum: COUNTRY_CODES, description: 'ISO 3166-1 alpha-2' })
  @IsIn(COUNTRY_CODES)
  country: string;

  @ApiProperty({ type: ShipToAddressDto, description: 'its country must be `country`' })
  @IsObject()
  @ValidateNested()
  @Type(() => ShipToAddressDto)
  shipTo: ShipToAddressDto;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', pattern: upperCasedInputPattern(SERIAL_NUMBER_PATTERN) },
    example: ['E72345A6N1'],
    minItems: 1,
    maxItems: 50,
    uniqueItems: true,
    description: 'device serial numbers: 8–15 letters and digits, case-insensitive, each once',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  serials: string[];
}
