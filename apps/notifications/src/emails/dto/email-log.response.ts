import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_STATUSES, EmailLogEntry, EmailStatus } from '../domain/email';

export class EmailLogItem {
  @ApiProperty({
    description: '`<template>:<causing eventId>`',
    example: 'login-details:5f0c…',
  })
  messageId: string;

  @ApiProperty({ example: 'login-details' })
  template: string;

  @ApiProperty({ example: 'ada@example.com' })
  to: string;

  @ApiProperty()
  subject: string;

  @ApiProperty({
    enum: EMAIL_STATUSES,
    description: 'queued (waiting, maybe for a retry), sending, sent, failed (gave up)',
  })
  status: EmailStatus;

  @ApiProperty({ description: 'Hand-overs to the SMTP server tried so far' })
  attempts: number;

  @ApiProperty({ type: String, nullable: true, description: 'The last SMTP error' })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  failedAt: string | null;

  static from(entry: EmailLogEntry): EmailLogItem {
    return Object.assign(new EmailLogItem(), {
      ...entry,
      createdAt: entry.createdAt.toISOString(),
      sentAt: entry.sentAt?.toISOString() ?? null,
      failedAt: entry.failedAt?.toISOString() ?? null,
    });
  }
}

export class EmailLogResponse {
  @ApiProperty({ type: [EmailLogItem], description: 'Newest first' })
  items: EmailLogItem[];
}
