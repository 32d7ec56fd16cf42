import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@metered/auth';
import { OverviewResponse } from './dto/overview.response';
import { OverviewService } from './overview.service';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('ops')
export class OverviewController {
  constructor(@Inject(OverviewService) private readonly overview: OverviewService) {}

  @Get('overview')
  @Roles('ops', 'admin')
  @ApiOperation({
    summary:
      'The ops dashboard: health and version per service, event throughput (15 min), consumer ' +
      'lag, outbox backlog, dead letters, emails',
  })
  @ApiOkResponse({ type: OverviewResponse })
  get(): Promise<OverviewResponse> {
    return this.overview.overview();
  }
}
