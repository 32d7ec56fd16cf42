import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import { NotFoundError } from '@metered/service-kit';
import { accountOfRequest, isAccountStaff } from '../common/account-access';
import { leadTimeFor, TELEMETRY_CONFIG, type TelemetryConfig } from '../config/telemetry.config';
import type { DeviceState, SupplyState } from '../derivation/domain/device-state';
import {
  REPLENISHMENT_ENGINE,
  type ReplenishmentEngine,
} from '../derivation/domain/replenishment-engine';
import { DeviceStatesRepository } from '../derivation/persistence/device-states.repository';
import { DevicesRepository } from '../read-models/persistence/devices.repository';
import { settingsOrDefault } from '../settings/domain/replenishment-settings';
import { SettingsRepository } from '../settings/persistence/settings.repository';
import { onsiteUnits, type SerialStock } from '../stock/domain/supply-stock';
import { SerialStockRepository } from '../stock/persistence/serial-stock.repository';
import type { FleetDeviceDto, FleetDto, FleetSupplyDto, SuggestionsDto } from './dto/fleet.dto';

const DAY_MS = 24 * 3600 * 1000;

/** A device is silent when its last reading (or none) is older than the account's period. */
export function isSilent(
  lastReadAt: string | undefined,
  silentAfterDays: number,
  now: Date,
): boolean {
  return !lastReadAt || now.getTime() - Date.parse(lastReadAt) > silentAfterDays * DAY_MS;
}

function swapsSince(supply: SupplyState, declaredAt: string | undefined): number {
  return supply.swaps.filter((at) => !declaredAt || at > declaredAt).length;
}

function onsiteOf(supply: SupplyState, stock: SerialStock | undefined): number | undefined {
  if (!supply.reorderNumber) return undefined;
  const item = stock?.items[supply.reorderNumber];
  return item ? onsiteUnits(item, swapsSince(supply, item.declaredAt)) : undefined;
}

/** The fleet page and the suggested quantities, from the derived device states. */
@Injectable()
export class FleetService {
  constructor(
    private readonly devices: DevicesRepository,
    private readonly states: DeviceStatesRepository,
    private readonly settings: SettingsRepository,
    private readonly stock: SerialStockRepository,
    @Inject(REPLENISHMENT_ENGINE) private readonly engine: ReplenishmentEngine,
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
  ) {}

  async fleet(
    user: AuthenticatedUser,
    requested: string | undefined,
    now = new Date(),
  ): Promise<FleetDto> {
    const accountId = accountOfRequest(user, requested);
    const [devices, states, stored] = await Promise.all([
      this.devices.findByAccount(accountId),
      this.states.findByAccount(accountId),
      this.settings.find(accountId),
    ]);
    const settings = settingsOrDefault(accountId, stored);
    const stateOf = new Map(states.map((state) => [state.serial, state]));
    const stock = await this.stock.findMany(devices.map((device) => device.serial));
    const list: FleetDeviceDto[] = devices.map((device) => {
      const state = stateOf.get(device.serial);
      const supplies = (state?.supplies ?? []).map((supply) =>
        this.supplyView(supply, state!, settings.silentAfterDays, stock.get(device.serial), now),
      );
      return {
        serial: device.serial,
        ...(device.modelName ? { modelName: device.modelName } : {}),
        ...(state?.lastReadAt ? { lastReadAt: state.lastReadAt } : {}),
        silent: isSilent(state?.lastReadAt, settings.silentAfterDays, now),
        ...(state?.lastTotalPages !== undefined ? { totalPages: state.lastTotalPages } : {}),
        supplies,
      };
    });
    const lowest = (device: FleetDeviceDto) =>
      Math.min(Infinity, ...device.supplies.map((supply) => supply.daysToEmpty ?? Infinity));
    list.sort(
      (a, b) =>
        Number(b.silent) - Number(a.silent) ||
        lowest(a) - lowest(b) ||
        a.serial.localeCompare(b.serial),
    );
    return { accountId, silentAfterDays: settings.silentAfterDays, devices: list };
  }

  private supplyView(
    supply: SupplyState,
    state: DeviceState,
    silentAfterDays: number,
    stock: SerialStock | undefined,
    now: Date,
  ): FleetSupplyDto {
    const stale =
      isSilent(state.lastReadAt, silentAfterDays, now) && supply.forecast.state === 'forecast';
    const onsite = onsiteOf(supply, stock);
    return {
      supplyId: supply.supplyId,
      description: supply.description,
      ...(supply.reorderNumber ? { reorderNumber: supply.reorderNumber } : {}),
      level: supply.level,
      maxCapacity: supply.maxCapacity,
      ...(supply.percent !== undefined ? { percent: supply.percent } : {}),
      ...(supply.coarseState ? { coarseState: supply.coarseState } : {}),
      state: stale ? 'stale' : supply.forecast.state,
      ...(supply.forecast.daysToEmpty !== undefined
        ? { daysToEmpty: Math.round(supply.forecast.daysToEmpty * 10) / 10 }
        : {}),
      ...(supply.forecast.confidence ? { confidence: supply.forecast.confidence } : {}),
      ...(onsite !== undefined ? { onsiteUnits: onsite } : {}),
    };
  }

  async suggestions(
    user: AuthenticatedUser,
    serial: string,
    now = new Date(),
  ): Promise<SuggestionsDto> {
    const device = await this.devices.find(serial);
    const visible =
      device?.accountId !== undefined &&
      (isAccountStaff(user) || device.accountId === user.accountId);
    if (!device || !visible) throw new NotFoundError('device not found');
    const [state, stock, stored] = await Promise.all([
      this.states.find(serial),
      this.stock.findMany([serial]),
      this.settings.find(device.accountId!),
    ]);
    const settings = settingsOrDefault(device.accountId!, stored);
    const country = device.country ?? '*';
    const leadTimeDays = leadTimeFor(this.config, country);
    const reviewDays = this.config.reviewDays;
    const silent = isSilent(state?.lastReadAt, settings.silentAfterDays, now);
    const items = device.items.map((item) => {
      const supply = state?.supplies.find(
        (candidate) => candidate.reorderNumber === item.reorderNumber,
      );
      const stockItem = stock.get(serial)?.items[item.reorderNumber];
      const onsite = stockItem
        ? onsiteUnits(stockItem, supply ? swapsSince(supply, stockItem.declaredAt) : 0)
        : 0;
      const forecast = supply?.forecast;
      const shown = !forecast
        ? 'learning'
        : silent && forecast.state === 'forecast'
          ? 'stale'
          : forecast.state;
      return {
        reorderNumber: item.reorderNumber,
        ...(forecast?.daysToEmpty !== undefined
          ? { daysToEmpty: Math.round(forecast.daysToEmpty * 10) / 10 }
          : {}),
        state: shown,
        ...(forecast?.confidence ? { confidence: forecast.confidence } : {}),
        onsiteUnits: onsite,
        suggestedQuantity: this.engine.suggestQuantity({
          forecast,
          leadTimeDays,
          reviewDays,
          onsiteUnits: onsite,
        }),
      };
    });
    return { serial, country, leadTimeDays, reviewDays, items };
  }
}
