import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser } from '@metered/auth';
import { SessionsService } from '../sessions/sessions.service';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LoginDto, LogoutDto, RefreshDto } from './dto/login.dto';
import { SessionStateResponse } from './dto/session-state.response';
import { MeResponse, TokenResponse } from './dto/token.response';
import { ReportsEndedSessions } from '../common/session-check.interceptor';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiBadRequestResponse({ description: 'invalid fields' })
  @ApiUnauthorizedResponse({ description: 'email or password is wrong (one message for all)' })
  @ApiTooManyRequestsResponse({
    description:
      'locked after repeated failures (per email and per client address); see Retry-After',
  })
  async login(@Body() body: LoginDto, @Ip() clientIp: string): Promise<TokenResponse> {
    const { user, ...tokens } = await this.auth.login(body.email, body.password, clientIp);
    return { ...tokens, user: MeResponse.from(user) };
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'New tokens for a refresh token (which is then used up)' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({
    description: 'invalid, expired, revoked, or already used (ends the session)',
  })
  async refresh(@Body() body: RefreshDto): Promise<TokenResponse> {
    const { tokens, user } = await this.sessions.refresh(body.refreshToken);
    return { ...tokens, user: MeResponse.from(user) };
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the session (SessionRevoked): its tokens stop working everywhere' })
  @ApiNoContentResponse()
  async logout(@CurrentUser() caller: AuthenticatedUser, @Body() body: LogoutDto): Promise<void> {
    await this.sessions.revoke(caller.sessionId, 'logout', caller.userId);
    const other = body.refreshToken ? this.sessions.sessionIdOf(body.refreshToken) : null;
    // Only the caller's own sessions: a token of someone else's session changes nothing.
    if (other && other !== caller.sessionId)
      await this.sessions.revoke(other, 'logout', caller.userId);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<MeResponse> {
    return MeResponse.from(await this.users.findById(caller.userId));
  }

  @Get('session')
  @Authenticated()
  @ReportsEndedSessions()
  @ApiOperation({
    summary: "The state of the token's own session",
    description:
      'What a service asks when a token names a session its session feed has not seen ' +
      '(libs/auth IssuedSessions): `unknown` means identity never issued it. Only the ' +
      "token's own session is reported, so it reveals nothing about anyone else.",
  })
  @ApiOkResponse({ type: SessionStateResponse })
  session(@CurrentUser() caller: AuthenticatedUser): Promise<SessionStateResponse> {
    return this.sessions
      .stateOf(caller.sessionId)
      .then((state) => ({ sessionId: caller.sessionId, state }));
  }
}
