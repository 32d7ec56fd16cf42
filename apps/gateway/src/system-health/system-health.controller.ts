import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { ComponentHealthDto, SystemHealthDto } from './system-health.dto';
import { SystemHealthService } from './system-health.service';

@ApiTags('health')
// Referenced only by $ref from SystemHealthDto.components: without this it is missing from
// the document (schemathesis: unresolvable reference).
@ApiExtraModels(ComponentHealthDto)
@Controller('api/health')
export class SystemHealthController {
  constructor(private readonly systemHealth: SystemHealthService) {}

  @Get()
  @ApiOperation({ summary: 'Readiness of every service and of Kafka, the database and SMTP' })
  @ApiOkResponse({ type: SystemHealthDto, description: 'Everything is up' })
  @ApiServiceUnavailableResponse({ type: SystemHealthDto, description: 'Something is down' })
  async get(@Res({ passthrough: true }) response: Response): Promise<SystemHealthDto> {
    const report = await this.systemHealth.check();
    if (report.status !== 'ok') response.status(503);
    return report;
  }
}
