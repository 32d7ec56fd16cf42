import { Controller, Get, Logger } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@metered/auth';
import { errorMessage } from '@metered/event-platform';
import { ConsumerLag } from './consumer-lag';
import { IngestStats } from './ingest-stats';

export class IngestOpsDto {
  @ApiProperty({ description: 'Readings received in the last minute (all outcomes)' })
  readingsPerMinute: number;
  @ApiProperty() acceptedLastHour: number;
  @ApiProperty() duplicatesLastHour: number;
  @ApiProperty() refusedLastHour: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  refusedByReason: Record<string, number>;
  @ApiProperty({
    description:
      'Messages of the ingest topic and compact stream not yet handled (-1: Kafka unreachable)',
  })
  consumerLag: number;
}

@ApiTags('telemetry')
@Controller('telemetry/ops')
@Roles('ops', 'admin')
export class OpsController {
  private readonly logger = new Logger(OpsController.name);

  constructor(
    private readonly stats: IngestStats,
    private readonly lag: ConsumerLag,
  ) {}

  @Get('ingest')
  @ApiOperation({ summary: 'Ingest rate, refused readings by reason, consumer lag (ops, admin)' })
  @ApiOkResponse({ type: IngestOpsDto })
  async ingest(): Promise<IngestOpsDto> {
    const [hour, consumerLag] = await Promise.all([
      this.stats.lastHour(),
      this.lag.total().catch((error: unknown) => {
        this.logger.warn(`consumer lag unknown: ${errorMessage(error)}`);
        return -1;
      }),
    ]);
    return {
      readingsPerMinute: hour.perMinute,
      acceptedLastHour: hour.accepted,
      duplicatesLastHour: hour.duplicates,
      refusedLastHour: hour.refused,
      refusedByReason: hour.byReason,
      consumerLag,
    };
  }
}
