import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { ChangeSettingsDto, SettingsDto, SettingsQueryDto } from './dto/settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('telemetry')
@Controller('telemetry/settings')
@Roles('customer', 'helpdesk', 'admin')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: "The account's replenishment settings (defaults until changed)" })
  @ApiOkResponse({ type: SettingsDto })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: SettingsQueryDto,
  ): Promise<SettingsDto> {
    return this.settings.get(user, query.accountId);
  }

  @Put()
  @ApiOperation({
    summary:
      'Change the replenishment settings (customer: own account; helpdesk: any); publishes ReplenishmentSettingsChanged',
  })
  @ApiOkResponse({ type: SettingsDto })
  change(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangeSettingsDto,
  ): Promise<SettingsDto> {
    return this.settings.change(user, body);
  }
}
