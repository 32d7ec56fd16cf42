import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser, Roles, STAFF_ROLES } from '@metered/auth';
import { STAFF_EDIT_ROLES } from '../common/staff-action';
import { AccountDeviceListDto } from '../devices/dto/device-view.dto';
import { AccountsService } from './accounts.service';
import {
  AccountDto,
  AccountSearchQueryDto,
  AccountSearchResultDto,
  ShipToAddressBodyDto,
} from './dto/account.dto';

const NOT_FOUND = 'No such account — or not yours (the two are not told apart)';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
@Authenticated()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Find accounts by company, exact serial or account id (staff)' })
  @ApiOkResponse({ type: AccountSearchResultDto })
  async search(@Query() query: AccountSearchQueryDto): Promise<AccountSearchResultDto> {
    return { items: await this.accounts.search(query.q) };
  }

  @Get(':accountId')
  @ApiOperation({ summary: 'A customer account (its customers; staff: any)' })
  @ApiOkResponse({ type: AccountDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthenticatedUser, @Param('accountId') accountId: string) {
    return this.accounts.get(user, accountId);
  }

  @Put(':accountId/ship-to')
  @Roles(...STAFF_EDIT_ROLES)
  @ApiOperation({
    summary: 'Change the ship-to address (helpdesk, admin); publishes ShipToAddressChanged',
  })
  @ApiOkResponse({ type: AccountDto })
  @ApiBadRequestResponse({ description: "Invalid field, or not the account's country" })
  @ApiForbiddenResponse({ description: 'Customers cannot change addresses' })
  @ApiNotFoundResponse({ description: 'No such account' })
  changeShipTo(
    @CurrentUser() user: AuthenticatedUser,
    @Param('accountId') accountId: string,
    @Body() body: ShipToAddressBodyDto,
  ): Promise<AccountDto> {
    return this.accounts.changeShipTo(user, accountId, body);
  }

  @Get(':accountId/devices')
  @ApiOperation({
    summary: "The account's devices with model, contract, coverage and supply items",
  })
  @ApiOkResponse({ type: AccountDeviceListDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async devices(
    @CurrentUser() user: AuthenticatedUser,
    @Param('accountId') accountId: string,
  ): Promise<AccountDeviceListDto> {
    return { items: await this.accounts.devicesOf(user, accountId) };
  }
}
