import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ServiceStatusView {
  @ApiProperty({ example: 'ordering' }) service: string;
  @ApiProperty({ enum: ['up', 'down'], description: 'Its GET /health/ready' }) status:
    'up' | 'down';
  @ApiProperty({ type: String, nullable: true, description: 'From its service_info metric' })
  version: string | null;
  @ApiProperty() latencyMs: number;
  @ApiPropertyOptional() message?: string;
}

export class InfrastructureStatusView {
  @ApiProperty({ enum: ['kafka', 'database', 'smtp'] }) component: 'kafka' | 'database' | 'smtp';
  @ApiProperty({ example: 'Kafka' }) label: string;
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty() latencyMs: number;
  @ApiPropertyOptional({ description: 'e.g. "1 broker", or why it is down' }) message?: string;
}

export class ThroughputPointView {
  @ApiProperty({ type: String, format: 'date-time', description: 'End of the interval' })
  at: string;
  @ApiProperty({ description: 'Events published in the interval (all services)' })
  published: number;
  @ApiProperty({ description: 'Events handled by consumers in the interval' })
  consumed: number;
  @ApiProperty({ description: 'Messages dead-lettered in the interval' })
  deadLettered: number;
}

export class ThroughputView {
  @ApiProperty({ example: 10 }) intervalSeconds: number;
  @ApiProperty({ example: 900 }) windowSeconds: number;
  @ApiProperty({ type: [ThroughputPointView], description: 'Oldest first' })
  points: ThroughputPointView[];
}

export class PartitionLagView {
  @ApiProperty({ example: 'notifications' }) group: string;
  @ApiProperty({ example: 'ordering.order.v1' }) topic: string;
  @ApiProperty() partition: number;
  @ApiProperty({ type: String, nullable: true }) committed: string | null;
  @ApiProperty() end: string;
  @ApiProperty() lag: number;
}

export class ConsumerLagView {
  @ApiProperty({ description: 'false when Kafka could not be asked' }) available: boolean;
  @ApiPropertyOptional() error?: string;
  @ApiProperty({ type: [PartitionLagView] }) partitions: PartitionLagView[];
}

export class OutboxBacklogView {
  @ApiProperty() service: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Documents with pending events' })
  pending: number | null;
  @ApiProperty({ type: Number, nullable: true }) oldestAgeSeconds: number | null;
}

export class DeadLetterCountsView {
  @ApiProperty() parked: number;
  @ApiProperty() replaying: number;
  @ApiProperty() replayed: number;
}

export class EmailCountsView {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Since notifications started; null only while its /metrics could not be read',
  })
  sent: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '0 when none failed' })
  failed: number | null;
}

export class OverviewResponse {
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: [ServiceStatusView] }) services: ServiceStatusView[];
  @ApiProperty({ type: [InfrastructureStatusView], description: 'Kafka, the database, SMTP' })
  infrastructure: InfrastructureStatusView[];
  @ApiProperty({ type: ThroughputView }) throughput: ThroughputView;
  @ApiProperty({ type: ConsumerLagView }) consumerLag: ConsumerLagView;
  @ApiProperty({ type: [OutboxBacklogView] }) outbox: OutboxBacklogView[];
  @ApiProperty({ type: DeadLetterCountsView }) deadLetters: DeadLetterCountsView;
  @ApiProperty({ type: EmailCountsView }) emails: EmailCountsView;
}
