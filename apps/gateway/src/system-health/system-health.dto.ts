import { ApiProperty } from '@nestjs/swagger';

export class ComponentHealthDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiProperty({ required: false, description: 'Why the component is down' })
  message?: string;

  @ApiProperty({ required: false, description: 'Round trip of the check in milliseconds' })
  latencyMs?: number;
}

export class SystemHealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status: 'ok' | 'degraded';

  @ApiProperty()
  checkedAt: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ComponentHealthDto' },
    description:
      'gateway, identity, registry, ordering, notifications, operations, telemetry, kafka, database, smtp',
  })
  components: Record<string, ComponentHealthDto>;
}
