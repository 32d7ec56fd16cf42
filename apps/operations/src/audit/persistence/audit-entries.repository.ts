import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { AuditCursor, AuditEntry, AuditFilter } from '../domain/audit-entry';
import { AUDIT_ENTRY_MODEL, AuditEntryDocument } from './audit-entry.schema';

const DUPLICATE_KEY = 11000;

@Injectable()
export class AuditEntriesRepository {
  constructor(
    @InjectModel(AUDIT_ENTRY_MODEL) private readonly entries: Model<AuditEntryDocument>,
  ) {}

  /** false when the entry was already recorded (same auditId delivered again). */
  async insertOnce(entry: AuditEntry): Promise<boolean> {
    try {
      await this.entries.create(toDocument(entry));
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  /** Newest first; one more than `limit` is read so the caller knows whether a page follows. */
  async find(filter: AuditFilter, limit: number, after?: AuditCursor): Promise<AuditEntry[]> {
    const conditions: FilterQuery<AuditEntryDocument>[] = [];
    if (filter.accountId) conditions.push({ accountId: filter.accountId });
    if (filter.action) conditions.push({ action: filter.action });
    if (filter.service) conditions.push({ service: filter.service });
    if (filter.actor) {
      conditions.push({
        $or: [{ 'actor.userId': filter.actor }, { 'actor.email': filter.actor.toLowerCase() }],
      });
    }
    if (after) {
      conditions.push({
        $or: [{ at: { $lt: after.at } }, { at: after.at, _id: { $lt: after.auditId } }],
      });
    }
    const query = conditions.length > 0 ? { $and: conditions } : {};
    const documents = await this.entries
      .find(query)
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .lean<AuditEntryDocument[]>()
      .exec();
    return documents.map(toEntry);
  }
}

function toDocument(entry: AuditEntry): AuditEntryDocument {
  const { auditId, ...rest } = entry;
  return { _id: auditId, ...rest, actor: { ...rest.actor, email: rest.actor.email.toLowerCase() } };
}

function toEntry(document: AuditEntryDocument): AuditEntry {
  const { _id, ...rest } = document;
  return { auditId: _id, ...rest };
}
