import { IsEmail, IsIn, IsString, IsNotEmpty, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../reference/identifiers';

/** The person who did something: a customer user or a staff member (helpdesk, admin…). */
export class Actor {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  userId: string;

  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsIn(ROLES, { each: true })
  roles: Role[];
}
