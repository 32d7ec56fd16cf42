import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, Role } from '@metered/contracts';
import { User } from '../../users/domain/user';

/** The signed-in user (`GET /auth/me`, and in the login answer). */
export class MeResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'jane@example.com' }) email: string;
  @ApiProperty({ example: 'Jane Doe' }) name: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiPropertyOptional({ format: 'uuid', description: 'customers only' }) accountId?: string;
  @ApiProperty({ example: 'Acme Printing Ltd' }) company: string;
  @ApiProperty({ example: 'US' }) country: string;

  static from(user: User): MeResponse {
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      ...(user.accountId ? { accountId: user.accountId } : {}),
      company: user.company,
      country: user.country,
    };
  }
}

export class TokenResponse {
  @ApiProperty({ description: 'JWT (RS256), send as `Authorization: Bearer …`' })
  accessToken: string;

  @ApiProperty({ description: 'opaque; single use: every refresh returns a new one' })
  refreshToken: string;

  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ type: MeResponse }) user: MeResponse;
}
