import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ReadingsAcceptedEvent, type TelemetryReading } from '@metered/contracts';
import { EventOutbox, OutgoingEvent } from '@metered/event-platform';
import type { AgentPrincipal } from '../agents/domain/agent';
import { TELEMETRY_CONFIG, type TelemetryConfig } from '../config/telemetry.config';
import { IngestStats } from '../ops/ingest-stats';
import { DevicesRepository } from '../read-models/persistence/devices.repository';
import type { DeviceReadings, IngestBatch } from './domain/ingest-batch';
import { checkReading, REFUSAL_REASONS, totalPagesOf } from './domain/reading-checks';
import { readingsAccepted } from './domain/readings-summary';
import { LastCountersRepository } from './persistence/last-counters.repository';
import { ReadingsRepository, type ReadingToStore } from './persistence/readings.repository';

/** The outcome of one reading of an upload. */
export interface ReadingResult {
  index: number;
  serial?: string;
  readAt?: string;
  status: 'accepted' | 'duplicate' | 'refused';
  field?: string;
  reason?: string;
}

export interface UploadOutcome {
  accepted: number;
  duplicates: number;
  refused: number;
  results: ReadingResult[];
}

/** One agent's readings (an HTTP request, or one Kafka message). */
export interface Upload {
  agent: AgentPrincipal;
  readings: readonly unknown[];
}

interface Candidate {
  upload: number;
  index: number;
  reading: TelemetryReading;
  agent: AgentPrincipal;
}

/**
 * Takes uploads in: checks each reading alone, checks its serial against the agent's account
 * and its counter against the device's last one, stores the new ones and hands them to
 * derivation as one `ReadingsAccepted` per device (the compact stream keyed by serial, whose
 * consumer owns the device's state). Whatever the number of readings and uploads, that is
 * four database commands: the devices, their last counters, the readings' insert, the batch.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly devices: DevicesRepository,
    private readonly readings: ReadingsRepository,
    private readonly outbox: EventOutbox,
    private readonly stats: IngestStats,
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    private readonly lastCounters: LastCountersRepository,
  ) {}

  async ingest(uploads: readonly Upload[], now = new Date()): Promise<UploadOutcome[]> {
    const results: ReadingResult[][] = uploads.map(() => []);
    const candidates: Candidate[] = [];
    uploads.forEach((upload, at) => {
      upload.readings.forEach((value, index) => {
        const check = checkReading(value, now, this.config.clockSkewMs);
        if (check.ok)
          candidates.push({ upload: at, index, reading: check.reading, agent: upload.agent });
        else
          results[at][index] = {
            index,
            ...(check.serial ? { serial: check.serial } : {}),
            ...(check.readAt ? { readAt: check.readAt } : {}),
            status: 'refused',
            ...check.refusal,
          };
      });
    });
    const refuse = (candidate: Candidate, field: string, reason: string) => {
      results[candidate.upload][candidate.index] = {
        index: candidate.index,
        serial: candidate.reading.serial,
        readAt: candidate.reading.readAt,
        status: 'refused',
        field,
        reason,
      };
    };

    const serials = new Set(candidates.map((candidate) => candidate.reading.serial));
    const devices = await this.devices.findMany(serials);
    const owned = candidates.filter((candidate) => {
      const device = devices.get(candidate.reading.serial);
      if (device?.accountId === candidate.agent.accountId) return true;
      refuse(candidate, 'serial', REFUSAL_REASONS.foreignSerial);
      return false;
    });
    const counted = await this.withoutBackwardCounters(owned, refuse);

    const toStore: ReadingToStore[] = counted.map(({ reading, agent }) => ({
      reading,
      accountId: agent.accountId,
      agentId: agent.agentId,
    }));
    const duplicates = await this.readings.insertNew(toStore, now);
    const accepted: Candidate[] = [];
    counted.forEach((candidate, position) => {
      const status = duplicates.has(position) ? 'duplicate' : 'accepted';
      if (status === 'accepted') accepted.push(candidate);
      results[candidate.upload][candidate.index] = {
        index: candidate.index,
        serial: candidate.reading.serial,
        readAt: candidate.reading.readAt,
        status,
      };
    });
    await this.handOver(accepted, now);

    return results.map((list) => {
      const outcome: UploadOutcome = { accepted: 0, duplicates: 0, refused: 0, results: list };
      for (const result of list) {
        if (result.status === 'accepted') outcome.accepted++;
        else if (result.status === 'duplicate') outcome.duplicates++;
        else outcome.refused++;
      }
      this.stats.record(
        outcome.accepted,
        outcome.duplicates,
        list
          .filter((result) => result.status === 'refused')
          .map((result) => (result.reason ?? '').split(':')[0]),
        now,
      );
      return outcome;
    });
  }

  /**
   * A counter lower than the device's previous one (stored, or earlier in this upload) is
   * refused unless the reading says the counters were reset. Readings older than the last
   * stored one (late arrivals) are not compared: their neighbours are not at hand.
   */
  private async withoutBackwardCounters(
    candidates: Candidate[],
    refuse: (candidate: Candidate, field: string, reason: string) => void,
  ): Promise<Candidate[]> {
    const serials = [...new Set(candidates.map((candidate) => candidate.reading.serial))];
    const last = await this.lastCounters.find(serials);
    const ordered = [...candidates].sort(
      (a, b) =>
        a.reading.serial.localeCompare(b.reading.serial) ||
        a.reading.readAt.localeCompare(b.reading.readAt),
    );
    const refused = new Set<Candidate>();
    for (const candidate of ordered) {
      const { serial, readAt, counterReset } = candidate.reading;
      const total = totalPagesOf(candidate.reading);
      const previous = last.get(serial) ?? { at: '', total: undefined };
      if (readAt < previous.at || total === undefined) continue;
      if (!counterReset && previous.total !== undefined && total < previous.total) {
        refuse(candidate, 'counters.total', REFUSAL_REASONS.counterBackwards);
        refused.add(candidate);
        continue;
      }
      last.set(serial, { at: readAt, total });
    }
    return candidates.filter((candidate) => !refused.has(candidate));
  }

  /** One batch document with the new readings per device and one ReadingsAccepted each. */
  private async handOver(accepted: readonly Candidate[], now: Date): Promise<void> {
    if (accepted.length === 0) return;
    const byDevice = new Map<string, DeviceReadings>();
    for (const { reading, agent } of accepted) {
      const key = `${reading.serial}|${agent.agentId}`;
      const entry = byDevice.get(key) ?? {
        serial: reading.serial,
        accountId: agent.accountId,
        agentId: agent.agentId,
        readings: [],
      };
      entry.readings.push(reading);
      byDevice.set(key, entry);
    }
    const batch: IngestBatch = {
      batchId: randomUUID(),
      createdAt: now,
      devices: [...byDevice.values()],
    };
    const events: OutgoingEvent[] = batch.devices.map((device) => {
      device.readings.sort((a, b) => a.readAt.localeCompare(b.readAt));
      return this.outbox.create(ReadingsAcceptedEvent, readingsAccepted(device), {
        causationId: batch.batchId,
      });
    });
    await this.readings.insertBatch(batch, events);
  }
}
