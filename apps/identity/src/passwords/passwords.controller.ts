import { Body, Controller, HttpCode, HttpStatus, Ip, Logger, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ClientThrottleService } from '../auth/client-throttle.service';
import { ForgotPasswordDto, ForgotPasswordResponse, SetPasswordDto } from './dto/password.dto';
import { FORGOT_PASSWORD_MESSAGE, PasswordsService } from './passwords.service';

@ApiTags('auth')
@Controller('auth/password')
export class PasswordsController {
  private readonly logger = new Logger(PasswordsController.name);

  constructor(
    private readonly passwords: PasswordsService,
    private readonly clients: ClientThrottleService,
  ) {}

  @Post('setup')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Choose the first password with the emailed link; activates the user' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({
    description: '`token` invalid, used or expired; `password` too weak (each reason named)',
  })
  async setUp(@Body() body: SetPasswordDto): Promise<void> {
    await this.passwords.setUp(body.token, body.password);
  }

  @Post('forgot')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Mail a reset link; the same answer whether or not the address exists' })
  @ApiAcceptedResponse({ type: ForgotPasswordResponse })
  @ApiTooManyRequestsResponse({ description: 'too many requests from this client address' })
  async forgot(
    @Body() body: ForgotPasswordDto,
    @Ip() clientIp: string,
  ): Promise<ForgotPasswordResponse> {
    // Per address here; per email the service quietly ignores extra requests (no enumeration).
    await this.clients.assertAllowed('password-forgot', clientIp);
    await this.clients.record('password-forgot', clientIp);
    // Answered before the lookup and the mail work: a known address must not take measurably
    // longer than an unknown one (timing would tell which addresses have accounts).
    void this.passwords
      .requestReset(body.email)
      .catch((error: Error) => this.logger.warn(`reset request failed: ${error.message}`));
    return { message: FORGOT_PASSWORD_MESSAGE };
  }

  @Post('reset')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'New password with the emailed reset link; ends every session' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: '`token` invalid, used or expired; `password` too weak' })
  async reset(@Body() body: SetPasswordDto): Promise<void> {
    await this.passwords.reset(body.token, body.password);
  }
}
