import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEAD_LETTER_STATUSES, DeadLetter, DeadLetterStatus } from '../domain/dead-letter';

export class MessageHeaderView {
  @ApiProperty() name: string;
  @ApiProperty() value: string;
}

export class ReplayedByView {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
}

export class DeadLetterView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, example: 'ordering.order.v1' })
  originalTopic: string | null;
  @ApiProperty({ type: Number, nullable: true }) originalPartition: number | null;
  @ApiProperty({ type: String, nullable: true }) originalOffset: string | null;
  @ApiProperty({ description: 'The dead-letter topic it was parked on' })
  deadLetterTopic: string;
  @ApiProperty({ type: String, nullable: true }) key: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'As parked; see valueEncoding' })
  value: string | null;
  @ApiProperty({ enum: ['utf8', 'base64'] }) valueEncoding: 'utf8' | 'base64';
  @ApiProperty({ type: [MessageHeaderView] }) headers: MessageHeaderView[];
  @ApiProperty({ example: 'malformed-json' }) reason: string;
  @ApiProperty({ description: 'The consumer’s error' }) error: string;
  @ApiProperty({ example: 'notifications' }) consumerGroup: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, format: 'date-time' }) failedAt: string;
  @ApiProperty() truncated: boolean;
  @ApiProperty({ enum: DEAD_LETTER_STATUSES }) status: DeadLetterStatus;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) replayedAt?: string;
  @ApiPropertyOptional({ type: ReplayedByView }) replayedBy?: ReplayedByView;

  static from(letter: DeadLetter): DeadLetterView {
    return Object.assign(new DeadLetterView(), {
      id: letter.id,
      originalTopic: letter.originalTopic,
      originalPartition: letter.originalPartition,
      originalOffset: letter.originalOffset,
      deadLetterTopic: letter.deadLetterTopic,
      key: letter.key,
      value: letter.value,
      valueEncoding: letter.valueEncoding,
      headers: letter.headers,
      reason: letter.reason,
      error: letter.error,
      consumerGroup: letter.consumerGroup,
      attempts: letter.attempts,
      failedAt: letter.failedAt.toISOString(),
      truncated: letter.truncated,
      status: letter.status,
      replayedAt: letter.replayedAt?.toISOString(),
      replayedBy: letter.replayedBy,
    });
  }
}

export class DeadLetterListResponse {
  @ApiProperty({ type: [DeadLetterView], description: 'Newest failure first' })
  items: DeadLetterView[];
}
