import { ApiProperty } from '@nestjs/swagger';
import type { SessionState } from '../../sessions/sessions.service';

/** `GET /auth/session`: whether identity issued the token's session and whether it is live. */
export class SessionStateResponse {
  @ApiProperty({ format: 'uuid' }) sessionId: string;

  @ApiProperty({
    enum: ['active', 'ended', 'unknown'],
    description: '`ended`: revoked or expired; `unknown`: identity never issued it',
  })
  state: SessionState;
}
