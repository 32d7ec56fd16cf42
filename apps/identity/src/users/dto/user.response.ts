import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, Role } from '@metered/contracts';
import { User } from '../domain/user';

/** A user as the API shows it (never hashes or links). */
export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: 'jane@example.com' })
  email: string;

  @ApiProperty({ example: 'Jane Doe' })
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'customers only' })
  accountId?: string;

  @ApiProperty({ example: 'Acme Printing Ltd' })
  company: string;

  @ApiProperty({ example: 'US' })
  country: string;

  @ApiProperty({ enum: ['invited', 'active', 'disabled'] })
  status: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(user: User): UserResponse {
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      ...(user.accountId ? { accountId: user.accountId } : {}),
      company: user.company,
      country: user.country,
      status: user.status,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

export class UserListResponse {
  @ApiProperty({ type: [UserResponse] })
  items: UserResponse[];
}
