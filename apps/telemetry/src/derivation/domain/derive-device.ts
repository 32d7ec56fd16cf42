import { createHash } from 'node:crypto';
import type { TelemetryReading } from '@metered/contracts';
import type { DeviceView } from '../../read-models/device-view';
import type { ReplenishmentSettings } from '../../settings/domain/replenishment-settings';
import { hasOpenOrder, onsiteUnits, type SerialStock } from '../../stock/domain/supply-stock';
import { levelSummary, readingsAccepted } from '../../ingest/domain/readings-summary';
import { APPLIED_BATCHES_KEPT, type DeviceState, type SupplyState } from './device-state';
import type { ReplenishmentEngine } from './replenishment-engine';

/** An event derivation wants published (built into an envelope by the caller). */
export type DerivedEvent =
  | { type: 'ForecastThresholdCrossed'; supply: SupplyState; thresholdDays: number }
  | { type: 'SupplyLow'; supply: SupplyState; readAt: string; autoReplenishment: boolean }
  | {
      type: 'ReplenishmentRequested';
      supply: SupplyState;
      requestId: string;
      reorderNumber: string;
      quantity: number;
      reason: 'days-to-empty' | 'below-threshold';
      readAt: string;
    };

export interface DeriveInput {
  previous: DeviceState;
  /** New readings per ingest batch, in the order their ReadingsAccepted arrived. */
  batches: Array<{ batchId: string; readings: TelemetryReading[] }>;
  device: DeviceView | undefined;
  settings: ReplenishmentSettings;
  stock: SerialStock | undefined;
  leadTimeDays: number;
  now: Date;
}

export interface DeriveOutput {
  state: DeviceState;
  events: DerivedEvent[];
  changed: boolean;
}

/**
 * A request's id follows from what it is for — one device, one item, one cartridge — so a
 * redelivered batch or a second replica asks for the same request and ordering places it once.
 */
export function replenishmentRequestId(
  serial: string,
  reorderNumber: string,
  cartridge: string,
): string {
  const hex = createHash('sha256').update(`${serial}|${reorderNumber}|${cartridge}`).digest('hex');
  // UUID shape, version 5-like (name based), variant 10xx.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function isLow(supply: SupplyState, lowLevelPercent: number): boolean {
  if (supply.percent !== undefined) return supply.percent < lowLevelPercent;
  return supply.coarseState === 'low' || supply.coarseState === 'empty';
}

/**
 * Applies a device's new readings: the latest levels and counters, the library's state and
 * forecasts, and the events that follow (threshold crossings, supply low, replenishment
 * requests — each once per cartridge). Batches already applied are skipped.
 */
export function deriveDevice(input: DeriveInput, engine: ReplenishmentEngine): DeriveOutput {
  const { previous, device, settings, stock } = input;
  const fresh = input.batches.filter((batch) => !previous.appliedBatches.includes(batch.batchId));
  if (fresh.length === 0) return { state: previous, events: [], changed: false };
  const readings = fresh
    .flatMap((batch) => batch.readings)
    .sort((a, b) => a.readAt.localeCompare(b.readAt));
  const items = device?.items ?? [];
  const applied = engine.apply(
    previous.domain,
    readings,
    { serial: previous.serial, items },
    input.now,
  );

  // Latest levels: from the newest reading, unless a stored one is newer (late arrivals).
  const newest = readings[readings.length - 1];
  const isNewer = !previous.lastReadAt || newest.readAt >= previous.lastReadAt;
  const latest = isNewer
    ? readingsAccepted({
        serial: previous.serial,
        accountId: previous.accountId,
        agentId: '-',
        readings: [newest],
      })
    : undefined;
  const bySupply = new Map(previous.supplies.map((supply) => [supply.supplyId, supply]));
  if (isNewer) {
    for (const supply of newest.supplies) {
      const summary = levelSummary(supply);
      const before = bySupply.get(supply.supplyId);
      bySupply.set(supply.supplyId, {
        supplyId: supply.supplyId,
        description: supply.description,
        ...((supply.reorderNumber ?? before?.reorderNumber)
          ? { reorderNumber: supply.reorderNumber ?? before?.reorderNumber }
          : {}),
        level: summary.level,
        maxCapacity: summary.maxCapacity,
        ...(summary.percent !== undefined ? { percent: summary.percent } : {}),
        ...(supply.state ? { coarseState: supply.state } : {}),
        forecast: before?.forecast ?? { state: 'learning', asOf: newest.readAt },
        cartridge: before?.cartridge ?? newest.readAt,
        swaps: before?.swaps ?? [],
      });
    }
  }
  for (const derived of applied.supplies) {
    const supply = bySupply.get(derived.supplyId);
    if (!supply) continue;
    bySupply.set(derived.supplyId, {
      ...supply,
      forecast: derived.forecast,
      cartridge: derived.cartridge,
      swaps: [...supply.swaps, ...derived.newSwaps].slice(-20),
    });
  }
  const supplies = [...bySupply.values()];
  const state: DeviceState = {
    ...previous,
    accountId: device?.accountId ?? previous.accountId,
    lastReadAt: isNewer ? newest.readAt : previous.lastReadAt,
    lastTotalPages: isNewer
      ? (latest?.totalPages ?? previous.lastTotalPages)
      : previous.lastTotalPages,
    supplies,
    domain: applied.domain,
    raised: {
      low: { ...previous.raised.low },
      thresholds: { ...previous.raised.thresholds },
      requested: { ...previous.raised.requested },
    },
    appliedBatches: [...previous.appliedBatches, ...fresh.map((batch) => batch.batchId)].slice(
      -APPLIED_BATCHES_KEPT,
    ),
  };

  const events: DerivedEvent[] = [];
  const before = new Map(previous.supplies.map((supply) => [supply.supplyId, supply]));
  for (const supply of supplies) {
    const old = before.get(supply.supplyId);
    // Threshold crossings of days to empty, once per cartridge and threshold.
    const days = supply.forecast.state === 'forecast' ? supply.forecast.daysToEmpty : undefined;
    if (days !== undefined) {
      const seen = state.raised.thresholds[supply.supplyId];
      const crossed = seen && seen.cartridge === supply.cartridge ? seen.days : [];
      const oldDays =
        old && old.cartridge === supply.cartridge && old.forecast.state === 'forecast'
          ? old.forecast.daysToEmpty
          : undefined;
      const newlyCrossed = engine.thresholdDays.filter(
        (threshold) =>
          days <= threshold &&
          !crossed.includes(threshold) &&
          (oldDays === undefined || oldDays > threshold || !seen),
      );
      if (newlyCrossed.length > 0) {
        // Only the tightest threshold crossed now is published; the wider ones count as crossed too.
        events.push({
          type: 'ForecastThresholdCrossed',
          supply,
          thresholdDays: Math.min(...newlyCrossed),
        });
        state.raised.thresholds[supply.supplyId] = {
          cartridge: supply.cartridge,
          days: [...crossed, ...newlyCrossed],
        };
      }
    }
    const low = isLow(supply, settings.lowLevelPercent);
    if (low && state.raised.low[supply.supplyId] !== supply.cartridge && isNewer) {
      events.push({
        type: 'SupplyLow',
        supply,
        readAt: newest.readAt,
        autoReplenishment: settings.autoReplenishment,
      });
      state.raised.low[supply.supplyId] = supply.cartridge;
    }
    // Automatic replenishment: opted in, an item of the device, no open order, once per cartridge.
    const reorderNumber = supply.reorderNumber;
    const item = items.find((candidate) => candidate.reorderNumber === reorderNumber);
    if (!settings.autoReplenishment || !reorderNumber || !item || !isNewer) continue;
    if (state.raised.requested[supply.supplyId] === supply.cartridge) continue;
    const stockItem = stock?.items[reorderNumber];
    const swapsSince = supply.swaps.filter(
      (at) => !stockItem?.declaredAt || at > stockItem.declaredAt,
    ).length;
    const decision = engine.decide({
      forecast: supply.forecast,
      percent: supply.percent,
      coarseState: supply.coarseState,
      leadTimeDays: input.leadTimeDays,
      safetyDays: settings.safetyDays,
      lowLevelPercent: settings.lowLevelPercent,
      onsiteUnits: onsiteUnits(stockItem, swapsSince),
      openOrder: hasOpenOrder(stockItem),
      bottlesPerCarton: item.bottlesPerCarton,
    });
    if (!decision.order) continue;
    events.push({
      type: 'ReplenishmentRequested',
      supply,
      requestId: replenishmentRequestId(previous.serial, reorderNumber, supply.cartridge),
      reorderNumber,
      quantity: decision.quantity,
      reason: decision.reason,
      readAt: newest.readAt,
    });
    state.raised.requested[supply.supplyId] = supply.cartridge;
  }
  return { state, events, changed: true };
}
