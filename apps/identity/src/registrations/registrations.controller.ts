import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { ClientThrottleService } from '../auth/client-throttle.service';
import { CreateRegistrationDto } from './dto/create-registration.dto';
import { ApproveRegistrationDto, RejectRegistrationDto } from './dto/registration-decision.dto';
import { DEFAULT_PAGE_SIZE, ListRegistrationsQuery } from './dto/list-registrations.query';
import {
  RegistrationAcceptedResponse,
  RegistrationListResponse,
  RegistrationResponse,
} from './dto/registration.response';
import { RegistrationIntakeService } from './registration-intake.service';
import { RegistrationReviewService } from './registration-review.service';

@ApiTags('registrations')
@Controller('registrations')
export class RegistrationsController {
  constructor(
    private readonly intake: RegistrationIntakeService,
    private readonly review: RegistrationReviewService,
    private readonly clients: ClientThrottleService,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for a portal account (anyone); the serials are checked next' })
  @ApiAcceptedResponse({ type: RegistrationAcceptedResponse })
  @ApiBadRequestResponse({ description: 'a field is missing or invalid; nothing is stored' })
  @ApiConflictResponse({ description: 'the email has a user or a registration in progress' })
  @ApiTooManyRequestsResponse({
    description:
      'too many requests from this client address (10 an hour), or accepted for this email (3 an hour); `Retry-After`',
  })
  async register(
    @Body() body: CreateRegistrationDto,
    @Ip() clientIp: string,
  ): Promise<RegistrationAcceptedResponse> {
    // Anyone may register and each accepted request mails the address given, so both the
    // caller's address (every attempt) and the recipient (every accepted request) are limited.
    await this.clients.assertAllowed('registration', clientIp);
    await this.clients.assertAllowed('registration-email', body.email);
    await this.clients.record('registration', clientIp);
    const registration = await this.intake.register(body);
    await this.clients.record('registration-email', registration.email);
    return { registrationId: registration.id, status: registration.status };
  }

  @Get()
  @Roles('validator', 'admin')
  @ApiOperation({ summary: "The validator's queue, newest first" })
  @ApiOkResponse({ type: RegistrationListResponse })
  async list(@Query() query: ListRegistrationsQuery): Promise<RegistrationListResponse> {
    const items = await this.review.list({
      status: query.status,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      before: query.before ? new Date(query.before) : undefined,
    });
    return { items: items.map((registration) => RegistrationResponse.from(registration)) };
  }

  @Get(':id')
  @Roles('validator', 'admin')
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiNotFoundResponse()
  async get(@Param('id') id: string): Promise<RegistrationResponse> {
    return RegistrationResponse.from(await this.review.get(id));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('validator', 'admin')
  @ApiOperation({ summary: 'Approve: creates the account and its first user' })
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiBadRequestResponse({ description: '`serials.N` is not an eligible serial of the request' })
  @ApiConflictResponse({ description: 'not pending review, or no eligible serial' })
  @ApiNotFoundResponse()
  async approve(
    @Param('id') id: string,
    @Body() body: ApproveRegistrationDto,
    @CurrentUser() validator: AuthenticatedUser,
  ): Promise<RegistrationResponse> {
    return RegistrationResponse.from(await this.review.approve(id, validator.userId, body.serials));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('validator', 'admin')
  @ApiOperation({ summary: 'Reject with a reason the person receives by email' })
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiConflictResponse({ description: 'already decided, or an approval is under way' })
  @ApiNotFoundResponse()
  async reject(
    @Param('id') id: string,
    @Body() body: RejectRegistrationDto,
    @CurrentUser() validator: AuthenticatedUser,
  ): Promise<RegistrationResponse> {
    return RegistrationResponse.from(await this.review.reject(id, validator.userId, body.reason));
  }
}
