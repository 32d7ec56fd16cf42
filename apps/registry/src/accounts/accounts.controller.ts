import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser } from '@metered/auth';
import { AccountDeviceListDto } from '../devices/dto/device-view.dto';
import { AccountsService } from './accounts.service';
import { AccountDto } from './dto/account.dto';

const NOT_FOUND = 'No such account — or not yours (the two are not told apart)';

@ApiTags('accounts')
@Controller('accounts')
@Authenticated()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get(':accountId')
  @ApiOperation({ summary: 'A customer account (its customers; staff: any)' })
  @ApiOkResponse({ type: AccountDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthenticatedUser, @Param('accountId') accountId: string) {
    return this.accounts.get(user, accountId);
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
