import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
} from 'class-validator';
import { COUNTRY_CODES, Role } from '@metered/contracts';
import { STAFF_ROLE_NAMES } from '../domain/user';

export class CreateStaffUserDto {
  @ApiProperty({ example: 'validator@metered.example', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Vera Validator', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: STAFF_ROLE_NAMES, isArray: true, example: ['validator'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(STAFF_ROLE_NAMES, { each: true })
  roles: Role[];

  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' })
  @IsIn(COUNTRY_CODES)
  country: string;
}
