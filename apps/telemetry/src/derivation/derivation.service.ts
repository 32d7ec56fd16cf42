import { Inject, Injectable } from '@nestjs/common';
import {
  ForecastThresholdCrossedEvent,
  type ReadingsAcceptedPayload,
  ReplenishmentRequestedEvent,
  SupplyLowEvent,
  type SupplyForecastSummary,
  type SupplyLevelSummary,
} from '@metered/contracts';
import { EventOutbox, OutgoingEvent } from '@metered/event-platform';
import { leadTimeFor, TELEMETRY_CONFIG, type TelemetryConfig } from '../config/telemetry.config';
import { ReadingsRepository } from '../ingest/persistence/readings.repository';
import { DevicesRepository } from '../read-models/persistence/devices.repository';
import { settingsOrDefault } from '../settings/domain/replenishment-settings';
import { SettingsRepository } from '../settings/persistence/settings.repository';
import { SerialStockRepository } from '../stock/persistence/serial-stock.repository';
import { deriveDevice, type DerivedEvent } from './domain/derive-device';
import { emptyDeviceState, type SupplyState } from './domain/device-state';
import { REPLENISHMENT_ENGINE, type ReplenishmentEngine } from './domain/replenishment-engine';
import { DeviceStatesRepository, type StateWrite } from './persistence/device-states.repository';

/** One ReadingsAccepted: which ingest batch holds the device's readings. */
export interface AcceptedBatch {
  batchId: string;
  payload: ReadingsAcceptedPayload;
}

export function levelOf(supply: SupplyState): SupplyLevelSummary {
  return {
    supplyId: supply.supplyId,
    description: supply.description,
    ...(supply.reorderNumber ? { reorderNumber: supply.reorderNumber } : {}),
    level: supply.level,
    maxCapacity: supply.maxCapacity,
    ...(supply.percent !== undefined ? { percent: supply.percent } : {}),
  };
}

export function forecastOf(supply: SupplyState): SupplyForecastSummary {
  const { forecast } = supply;
  return {
    supplyId: supply.supplyId,
    ...(supply.reorderNumber ? { reorderNumber: supply.reorderNumber } : {}),
    state: forecast.state,
    ...(forecast.daysToEmpty !== undefined
      ? { daysToEmpty: Math.round(forecast.daysToEmpty * 10) / 10 }
      : {}),
    ...(forecast.confidence ? { confidence: forecast.confidence } : {}),
    asOf: forecast.asOf,
  };
}

/**
 * Derives per-device state from the compact stream, a fetched batch at a time: the ingest
 * batches, device states, devices, settings and stock of every device in it are loaded with
 * one query each, the states written back in bulk with their events in the same writes.
 */
@Injectable()
export class DerivationService {
  constructor(
    private readonly readings: ReadingsRepository,
    private readonly states: DeviceStatesRepository,
    private readonly devices: DevicesRepository,
    private readonly settings: SettingsRepository,
    private readonly stock: SerialStockRepository,
    private readonly outbox: EventOutbox,
    @Inject(REPLENISHMENT_ENGINE) private readonly engine: ReplenishmentEngine,
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
  ) {}

  async derive(accepted: readonly AcceptedBatch[], now = new Date()): Promise<void> {
    if (accepted.length === 0) return;
    const batches = await this.readings.findBatches([
      ...new Set(accepted.map((entry) => entry.batchId)),
    ]);
    const work = new Map<
      string,
      Array<{
        batchId: string;
        readings: NonNullable<ReturnType<typeof batches.get>>['devices'][number]['readings'];
      }>
    >();
    const accountOf = new Map<string, string>();
    for (const { batchId, payload } of accepted) {
      // A batch already pruned was derived long ago (pruning waits for that): nothing to do.
      const device = batches
        .get(batchId)
        ?.devices.find(
          (entry) => entry.serial === payload.serial && entry.agentId === payload.agentId,
        );
      if (!device) continue;
      const list = work.get(payload.serial) ?? [];
      list.push({ batchId: `${batchId}:${payload.agentId}`, readings: device.readings });
      work.set(payload.serial, list);
      accountOf.set(payload.serial, payload.accountId);
    }
    if (work.size === 0) return;
    const serials = [...work.keys()];
    const [states, devices, stock] = await Promise.all([
      this.states.findMany(serials),
      this.devices.findMany(serials),
      this.stock.findMany(serials),
    ]);
    const accounts = new Set(
      serials.map((serial) => devices.get(serial)?.accountId ?? accountOf.get(serial)!),
    );
    const settings = await this.settings.findMany(accounts);

    const writes: StateWrite[] = [];
    for (const [serial, list] of work) {
      const device = devices.get(serial);
      const accountId = device?.accountId ?? accountOf.get(serial)!;
      const previous = states.get(serial) ?? emptyDeviceState(serial, accountId);
      const result = deriveDevice(
        {
          previous,
          batches: list,
          device,
          settings: settingsOrDefault(accountId, settings.get(accountId)),
          stock: stock.get(serial),
          leadTimeDays: leadTimeFor(this.config, device?.country ?? '*'),
          now,
        },
        this.engine,
      );
      if (!result.changed) continue;
      writes.push({
        state: result.state,
        events: result.events.map((event) =>
          this.toOutgoing(serial, result.state.accountId, event, now),
        ),
      });
    }
    await this.states.writeMany(writes);
  }

  private toOutgoing(
    serial: string,
    accountId: string,
    event: DerivedEvent,
    now: Date,
  ): OutgoingEvent {
    switch (event.type) {
      case 'ForecastThresholdCrossed':
        return this.outbox.create(ForecastThresholdCrossedEvent, {
          serial,
          accountId,
          thresholdDays: event.thresholdDays,
          forecast: forecastOf(event.supply),
        });
      case 'SupplyLow':
        return this.outbox.create(SupplyLowEvent, {
          serial,
          accountId,
          supply: levelOf(event.supply),
          forecast: forecastOf(event.supply),
          autoReplenishment: event.autoReplenishment,
          readAt: event.readAt,
        });
      case 'ReplenishmentRequested':
        return this.outbox.create(ReplenishmentRequestedEvent, {
          requestId: event.requestId,
          serial,
          accountId,
          reorderNumber: event.reorderNumber,
          quantity: event.quantity,
          trigger: {
            reason: event.reason,
            supply: levelOf(event.supply),
            forecast: forecastOf(event.supply),
            readAt: event.readAt,
          },
          requestedAt: now.toISOString(),
        });
    }
  }
}
