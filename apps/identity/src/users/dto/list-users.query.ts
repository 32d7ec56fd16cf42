import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsUUID } from 'class-validator';

/** Filters of the user list; both together must match. */
export class ListUsersQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "One customer account's users" })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({
    example: 'jane@example.com',
    description: 'The user with this email (case-insensitive): finds a caller`s account',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmail()
  email?: string;
}
