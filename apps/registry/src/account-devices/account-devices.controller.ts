import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { normaliseIdentifier } from '@metered/contracts';
import { STAFF_EDIT_ROLES } from '../common/staff-action';
import { AccountDeviceDto } from '../devices/dto/device-view.dto';
import { AccountDevicesService } from './account-devices.service';
import {
  AddDeviceBodyDto,
  AddSupplyItemBodyDto,
  RemovedDeviceDto,
  RemoveDeviceBodyDto,
} from './dto/account-device-change.dto';

/** The helpdesk adds and removes an account's machines and their items (helpdesk, admin). */
@ApiTags('accounts')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only the helpdesk and admins change accounts' })
@Controller('accounts/:accountId/devices')
@Roles(...STAFF_EDIT_ROLES)
export class AccountDevicesController {
  constructor(private readonly service: AccountDevicesService) {}

  @Post()
  @ApiOperation({ summary: 'Add a machine (checked like a registration); SerialAdded' })
  @ApiCreatedResponse({ type: AccountDeviceDto })
  @ApiBadRequestResponse({ description: 'Unknown serial, no current contract, other country' })
  @ApiConflictResponse({ description: 'Already on this or another account' })
  @ApiNotFoundResponse({ description: 'No such account' })
  addDevice(
    @CurrentUser() user: AuthenticatedUser,
    @Param('accountId') accountId: string,
    @Body() body: AddDeviceBodyDto,
  ): Promise<AccountDeviceDto> {
    return this.service.addDevice(user, accountId, body.serial, body.reason);
  }

  @Delete(':serial')
  @ApiOperation({ summary: 'Remove a machine from the account; SerialRemoved' })
  @ApiOkResponse({ type: RemovedDeviceDto })
  @ApiNotFoundResponse({ description: 'Not a device of this account' })
  removeDevice(
    @CurrentUser() user: AuthenticatedUser,
    @Param('accountId') accountId: string,
    @Param('serial') serial: string,
    @Body() body: RemoveDeviceBodyDto,
  ): Promise<RemovedDeviceDto> {
    return this.service.removeDevice(user, accountId, normaliseIdentifier(serial), body.reason);
  }

  @Post(':serial/supply-items')
  @ApiOperation({ summary: 'Offer one more supply item for the serial; SupplyItemAdded' })
  @ApiCreatedResponse({ type: AccountDeviceDto })
  @ApiBadRequestResponse({ description: 'Unknown reorder number' })
  @ApiConflictResponse({ description: 'Already listed for the serial' })
  @ApiNotFoundResponse({ description: 'Not a device of this account' })
  addItem(
    @CurrentUser() user: AuthenticatedUser,
    @Param('accountId') accountId: string,
    @Param('serial') serial: string,
    @Body() body: AddSupplyItemBodyDto,
  ): Promise<AccountDeviceDto> {
    return this.service.addItem(user, accountId, normaliseIdentifier(serial), body.reorderNumber);
  }

  @Delete(':serial/supply-items/:reorderNumber')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop offering a supply item for the serial; SupplyItemRemoved' })
  @ApiOkResponse({ type: AccountDeviceDto })
  @ApiNotFoundResponse({ description: 'Not a device of this account, or the item is not listed' })
  removeItem(
    @CurrentUser() user: AuthenticatedUser,
    @Param('accountId') accountId: string,
    @Param('serial') serial: string,
    @Param('reorderNumber') reorderNumber: string,
  ): Promise<AccountDeviceDto> {
    return this.service.removeItem(
      user,
      accountId,
      normaliseIdentifier(serial),
      normaliseIdentifier(reorderNumber),
    );
  }
}
