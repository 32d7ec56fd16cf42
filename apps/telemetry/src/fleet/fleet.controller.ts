import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { FleetDto, FleetQueryDto, SuggestionsDto } from './dto/fleet.dto';
import { FleetService } from './fleet.service';

@ApiTags('telemetry')
@Controller('telemetry')
@Roles('customer', 'helpdesk', 'admin')
export class FleetController {
  constructor(private readonly fleet: FleetService) {}

  @Get('fleet')
  @ApiOperation({
    summary: "The account's devices: supply levels, days to empty, last reading, silent first",
  })
  @ApiOkResponse({ type: FleetDto })
  get(@CurrentUser() user: AuthenticatedUser, @Query() query: FleetQueryDto): Promise<FleetDto> {
    return this.fleet.fleet(user, query.accountId);
  }

  @Get('devices/:serial/suggestions')
  @ApiOperation({
    summary: 'Suggested quantity per item of a device (Order Supplies, helpdesk order page)',
  })
  @ApiOkResponse({ type: SuggestionsDto })
  @ApiNotFoundResponse({ description: 'No such device — or not yours' })
  suggestions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('serial') serial: string,
  ): Promise<SuggestionsDto> {
    return this.fleet.suggestions(user, serial.trim().toUpperCase());
  }
}
