import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'jane@example.com', description: 'case-insensitive' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct-Horse-battery-9', format: 'password' })
  @IsString()
  @IsNotEmpty()
  // Bounded so nobody makes the server hash megabytes; real rules apply when it is set.
  @MaxLength(1024)
  password: string;
}

export class RefreshDto {
  @ApiProperty({
    minLength: 1,
    description: 'the refresh token from login or the previous refresh',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'the session to end when it is not the access token’s own' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
