import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuditEntry } from '../domain/audit-entry';

export class AuditActorView {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [String] }) roles: string[];
}

export class AuditSubjectView {
  @ApiProperty({ example: 'order' }) type: string;
  @ApiProperty() id: string;
}

export class AuditEntryView {
  @ApiProperty() auditId: string;
  @ApiProperty({ example: 'ordering' }) service: string;
  @ApiProperty({ type: AuditActorView }) actor: AuditActorView;
  @ApiProperty({ example: 'order.released' }) action: string;
  @ApiProperty({ type: AuditSubjectView }) subject: AuditSubjectView;
  @ApiPropertyOptional() accountId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  before?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  after?: Record<string, unknown>;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the action happened' })
  at: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: string;
  @ApiProperty() correlationId: string;

  static from(entry: AuditEntry): AuditEntryView {
    return Object.assign(new AuditEntryView(), {
      auditId: entry.auditId,
      service: entry.service,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      accountId: entry.accountId,
      before: entry.before,
      after: entry.after,
      reason: entry.reason,
      at: entry.at.toISOString(),
      recordedAt: entry.recordedAt.toISOString(),
      correlationId: entry.correlationId,
    });
  }
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryView], description: 'Newest first' })
  items: AuditEntryView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor: string | null;
}
