import { IsEmail, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { COUNTRY_CODES } from '../../reference/countries';

/** Who asked for an account: the part every registration event carries. */
export class Registrant {
  /** Id of the registration request; the Kafka key of all its events. */
  @IsUUID()
  registrationId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  company: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  contactName: string;

  /** Lower-cased. */
  @IsEmail()
  @MaxLength(254)
  email: string;

  /** ISO 3166-1 alpha-2 country the account belongs to. */
  @IsIn(COUNTRY_CODES)
  country: string;
}

/** The person a one-time link is mailed to, and until when it works. */
export class LinkRecipient {
  @IsUUID()
  userId: string;

  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  contactName: string;

  @IsIn(COUNTRY_CODES)
  country: string;
}
