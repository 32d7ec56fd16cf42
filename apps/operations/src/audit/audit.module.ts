import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditController } from './audit.controller';
import { AuditEvents } from './audit.events';
import { AuditService } from './audit.service';
import {
  AUDIT_ENTRIES_COLLECTION,
  AUDIT_ENTRY_MODEL,
  AuditEntrySchema,
} from './persistence/audit-entry.schema';
import { AuditEntriesRepository } from './persistence/audit-entries.repository';

/** The audit trail: consumed from platform.audit.v1, read through GET /audit. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: AUDIT_ENTRY_MODEL, schema: AuditEntrySchema, collection: AUDIT_ENTRIES_COLLECTION },
    ]),
  ],
  controllers: [AuditController, AuditEvents],
  providers: [AuditEntriesRepository, AuditService],
})
export class AuditModule {}
