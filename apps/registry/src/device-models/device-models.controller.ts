import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, STAFF_ROLES } from '@metered/auth';
import { DeviceModelListDto } from './dto/device-model.dto';
import { DeviceModelsService } from './device-models.service';

@ApiTags('master data')
@Controller('device-models')
export class DeviceModelsController {
  constructor(private readonly models: DeviceModelsService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Every device model (Office and Production families)' })
  @ApiOkResponse({ type: DeviceModelListDto })
  async list(): Promise<DeviceModelListDto> {
    return { items: await this.models.list() };
  }
}
