import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReadingResultDto {
  @ApiProperty({ description: 'Position of the reading in the batch' }) index: number;
  @ApiPropertyOptional() serial?: string;
  @ApiPropertyOptional({ format: 'date-time' }) readAt?: string;
  @ApiProperty({ enum: ['accepted', 'duplicate', 'refused'] }) status:
    'accepted' | 'duplicate' | 'refused';
  @ApiPropertyOptional({ description: 'Refused: the field at fault' }) field?: string;
  @ApiPropertyOptional({ description: 'Refused: why' }) reason?: string;
}

export class UploadResultDto {
  @ApiProperty() accepted: number;
  @ApiProperty({ description: 'Readings already stored (a retry): no second effect' })
  duplicates: number;
  @ApiProperty() refused: number;
  @ApiProperty({ type: [ReadingResultDto] }) results: ReadingResultDto[];
}

/** The documented request body (checked by hand, so one bad reading is refused alone). */
export class ReadingBatchBodyDto {
  @ApiProperty({ description: "The agent's id (must be the credential's)" }) agentId: string;
  @ApiProperty({
    description:
      'Up to 5,000 readings (TelemetryReading, libs/contracts/src/reference/telemetry-reading.ts)',
    type: 'array',
    items: { type: 'object' },
  })
  readings: unknown[];
}
