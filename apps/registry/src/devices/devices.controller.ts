import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, STAFF_ROLES } from '@metered/auth';
import { normaliseIdentifier } from '@metered/contracts';
import { DevicesService } from './devices.service';
import { DeviceViewDto } from './dto/device-view.dto';

@ApiTags('devices')
@Controller('devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get(':serial')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'A device with its model, contracts, coverage today and account' })
  @ApiOkResponse({ type: DeviceViewDto })
  @ApiNotFoundResponse({ description: 'No device with this serial' })
  view(@Param('serial') serial: string): Promise<DeviceViewDto> {
    return this.devices.view(normaliseIdentifier(serial));
  }
}
