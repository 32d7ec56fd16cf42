import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SetPasswordDto {
  @ApiProperty({ minLength: 1, description: 'the token from the emailed link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({
    format: 'password',
    description:
      '12–128 characters, at least three of lower case, upper case, digits and symbols, not containing the email’s local part, not a commonly used or breached password',
  })
  @IsString()
  // The strength rules (and their reasons) are checked by the service; this only bounds work.
  @MaxLength(1024)
  password: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'jane@example.com' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class ForgotPasswordResponse {
  @ApiProperty({
    example: 'If this address belongs to an account, we have sent a link to reset the password.',
  })
  message: string;
}
