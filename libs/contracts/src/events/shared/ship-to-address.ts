import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { COUNTRY_CODES } from '../../reference/countries';
import { ShipTo } from '../../reference/ship-to';

/** Where an account's supplies are delivered. Only the helpdesk changes it after approval. */
export class ShipToAddress implements ShipTo {
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  line1: string;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  line2?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  city: string;

  /** State, province or county where the country uses one. */
  @IsOptional()
  @IsString()
  @MaxLength(80)
  state?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode: string;

  /** ISO 3166-1 alpha-2, one of the portal's countries. */
  @IsIn(COUNTRY_CODES)
  country: string;
}
