import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { STAFF_EDIT_ROLES } from '../common/staff-action';
import { AccountRequestDecisionsService } from './account-request-decisions.service';
import { AccountRequestsService } from './account-requests.service';
import {
  AccountRequestQueryDto,
  ApproveRequestBodyDto,
  DeclineRequestBodyDto,
  MachinesRequestBodyDto,
  SupplyItemRequestBodyDto,
} from './dto/account-request-bodies.dto';
import { AccountRequestDto, AccountRequestListDto } from './dto/account-request.dto';

const NOT_FOUND = 'No such request — or not your account’s (the two are not told apart)';

@ApiTags('account requests')
@ApiBearerAuth()
@Controller('account-requests')
@Authenticated()
export class AccountRequestsController {
  constructor(
    private readonly requests: AccountRequestsService,
    private readonly decisions: AccountRequestDecisionsService,
  ) {}

  @Post('machines')
  @Roles('customer')
  @ApiOperation({ summary: 'Ask to add machines to your account (customers); MachinesRequested' })
  @ApiCreatedResponse({ type: AccountRequestDto })
  @ApiBadRequestResponse({
    description: 'proofSerial not an active serial of yours; an unknown serial; none eligible',
  })
  requestMachines(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: MachinesRequestBodyDto,
  ): Promise<AccountRequestDto> {
    return this.requests.requestMachines(user, body);
  }

  @Post('supply-items')
  @Roles('customer')
  @ApiOperation({ summary: 'Ask for an item not listed for a serial (customers)' })
  @ApiCreatedResponse({ type: AccountRequestDto })
  @ApiBadRequestResponse({ description: 'Not a serial of your account; unknown reorder number' })
  @ApiConflictResponse({ description: 'Already listed for the serial, or already requested' })
  requestSupplyItem(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: SupplyItemRequestBodyDto,
  ): Promise<AccountRequestDto> {
    return this.requests.requestSupplyItem(user, body);
  }

  @Get()
  @ApiOperation({ summary: "Requests, newest first: customers their account's, staff all" })
  @ApiOkResponse({ type: AccountRequestListDto })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AccountRequestQueryDto,
  ): Promise<AccountRequestListDto> {
    return { items: await this.requests.list(user, query) };
  }

  @Get(':requestId')
  @ApiOperation({ summary: 'One request' })
  @ApiOkResponse({ type: AccountRequestDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('requestId', ParseUUIDPipe) requestId: string,
  ): Promise<AccountRequestDto> {
    return this.requests.get(user, requestId);
  }

  @Post(':requestId/approve')
  @HttpCode(200)
  @Roles(...STAFF_EDIT_ROLES)
  @ApiOperation({ summary: 'Approve: link the machines / add the item (helpdesk, admin)' })
  @ApiOkResponse({ type: AccountRequestDto })
  @ApiForbiddenResponse({ description: 'Only the helpdesk and admins decide requests' })
  @ApiConflictResponse({ description: 'Already decided, or nothing can be added any more' })
  @ApiNotFoundResponse({ description: 'No such request' })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  approve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: ApproveRequestBodyDto,
  ): Promise<AccountRequestDto> {
    return this.decisions.approve(user, requestId, body.serials);
  }

  @Post(':requestId/decline')
  @HttpCode(200)
  @Roles(...STAFF_EDIT_ROLES)
  @ApiOperation({ summary: 'Decline with a reason told to the customer (helpdesk, admin)' })
  @ApiOkResponse({ type: AccountRequestDto })
  @ApiForbiddenResponse({ description: 'Only the helpdesk and admins decide requests' })
  @ApiConflictResponse({ description: 'Already decided' })
  @ApiNotFoundResponse({ description: 'No such request' })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  decline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: DeclineRequestBodyDto,
  ): Promise<AccountRequestDto> {
    return this.decisions.decline(user, requestId, body.reason);
  }
}
