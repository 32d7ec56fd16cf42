import { Injectable } from '@nestjs/common';
import {
  Actor,
  SUPPLY_ITEM_SOURCES,
  SupplyItemAddedEvent,
  SupplyItemRemovedEvent,
} from '@metered/contracts';
import { EventOutbox, OutgoingEvent } from '@metered/event-platform';
import { ConflictError, InvalidInputError, NotFoundError } from '@metered/service-kit';
import type { Device } from '../devices/domain/device';
import { addSupplyItem, removeSupplyItem } from '../devices/domain/device-supply-items';
import { DevicesRepository } from '../devices/persistence/devices.repository';
import type { SupplyItem } from '../supply-items/domain/supply-item';
import { toSupplyItemSummary } from '../supply-items/persistence/supply-item.mapper';
import { SupplyItemsRepository } from '../supply-items/persistence/supply-items.repository';

export interface ItemAction {
  actor: Actor;
  /** Further events of the same device write (the audit entry). */
  alsoEmit?: (device: Device, item: string, at: Date) => OutgoingEvent[];
}

/**
 * Adds and removes supply items of one serial of an account ("items not listed", domain
 * rule 5). The change and its event are one write of the device, under its lock.
 */
@Injectable()
export class DeviceItemsService {
  constructor(
    private readonly devices: DevicesRepository,
    private readonly supplyItems: SupplyItemsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** The catalog item, or 400 on `reorderNumber`. */
  async catalogItem(reorderNumber: string): Promise<SupplyItem> {
    const item = (await this.supplyItems.findByReorderNumbers([reorderNumber])).get(reorderNumber);
    if (!item) {
      throw new InvalidInputError([
        { field: 'reorderNumber', reason: `${reorderNumber} is not a supply item we know` },
      ]);
    }
    return item;
  }

  /** Reorder numbers of the items of a serial's model (undefined: no such device). */
  async modelItemsOf(serial: string): Promise<string[] | undefined> {
    const device = await this.devices.findBySerial(serial);
    if (!device) return undefined;
    return (await this.supplyItems.find(device.modelCode)).map((item) => item.reorderNumber);
  }

  async add(
    accountId: string,
    serial: string,
    reorderNumber: string,
    source: (typeof SUPPLY_ITEM_SOURCES)[number],
    action: ItemAction,
  ): Promise<SupplyItem> {
    const item = await this.catalogItem(reorderNumber);
    const modelItems = (await this.modelItemsOf(serial)) ?? [];
    await this.devices.change(serial, (device) => {
      if (!device || device.accountId !== accountId) throw notOnAccount(serial, accountId);
      const change = addSupplyItem(modelItems, device, reorderNumber);
      if (!change.changed) {
        throw new ConflictError(`${reorderNumber} is already listed for ${serial}`);
      }
      const at = new Date();
      return {
        supplyItems: change.adjustments,
        events: [
          this.outbox.create(SupplyItemAddedEvent, {
            serial,
            accountId,
            item: toSupplyItemSummary(item),
            source,
            addedBy: action.actor,
            addedAt: at.toISOString(),
          }),
          ...(action.alsoEmit?.(device, reorderNumber, at) ?? []),
        ],
      };
    });
    return item;
  }

  async remove(
    accountId: string,
    serial: string,
    reorderNumber: string,
    action: ItemAction,
  ): Promise<void> {
    const modelItems = (await this.modelItemsOf(serial)) ?? [];
    await this.devices.change(serial, (device) => {
      if (!device || device.accountId !== accountId) throw notOnAccount(serial, accountId);
      const change = removeSupplyItem(modelItems, device, reorderNumber);
      if (!change.changed) {
        throw new NotFoundError(`${reorderNumber} is not listed for ${serial}`);
      }
      const at = new Date();
      return {
        supplyItems: change.adjustments,
        events: [
          this.outbox.create(SupplyItemRemovedEvent, {
            serial,
            accountId,
            reorderNumber,
            removedBy: action.actor,
            removedAt: at.toISOString(),
          }),
          ...(action.alsoEmit?.(device, reorderNumber, at) ?? []),
        ],
      };
    });
  }
}

export function notOnAccount(serial: string, accountId: string): NotFoundError {
  return new NotFoundError(`device ${serial} is not a device of account ${accountId}`);
}
