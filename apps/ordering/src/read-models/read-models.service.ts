import { Injectable, Logger } from '@nestjs/common';
import type {
  ContractChangedPayload,
  RegistrationApprovedPayload,
  SerialAddedPayload,
  SerialRemovedPayload,
  ShipToAddressChangedPayload,
  SupplyItemAddedPayload,
  SupplyItemRemovedPayload,
} from '@metered/contracts';
import type { EventEnvelope } from '@metered/event-platform';
import { applyAccountApproved, applyShipToChanged } from './domain/account-view';
import { applyItemAdded, applyItemRemoved } from './domain/serial-items';
import { applyContractDecided, applySerialLinked, applySerialUnlinked } from './domain/serial-view';
import { AccountsRepository } from './persistence/accounts.repository';
import { SerialsRepository } from './persistence/serials.repository';

/**
 * Keeps ordering's copies of accounts and serials current from identity's and registry's
 * events — never by calling them — so orders are decided while they are down. Every rule
 * (domain/) ignores what is older than what is stored, so redeliveries and replays are safe.
 */
@Injectable()
export class ReadModelsService {
  private readonly logger = new Logger(ReadModelsService.name);

  constructor(
    private readonly serials: SerialsRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  async onSerialAdded({ payload }: EventEnvelope<SerialAddedPayload>): Promise<void> {
    const changed = await this.serials.change(payload.serial, (current) =>
      applySerialLinked(current, {
        serial: payload.serial,
        accountId: payload.accountId,
        country: payload.country,
        model: payload.model,
        shipTo: payload.shipTo,
        supplyItems: payload.supplyItems,
        contract: payload.contract,
        addedAt: new Date(payload.addedAt),
      }),
    );
    this.unchanged(changed, 'SerialAdded', payload.serial);
  }

  async onSerialRemoved({ payload }: EventEnvelope<SerialRemovedPayload>): Promise<void> {
    const changed = await this.serials.change(payload.serial, (current) =>
      applySerialUnlinked(current, {
        serial: payload.serial,
        accountId: payload.accountId,
        removedAt: new Date(payload.removedAt),
      }),
    );
    this.unchanged(changed, 'SerialRemoved', payload.serial);
  }

  async onSupplyItemAdded({ payload }: EventEnvelope<SupplyItemAddedPayload>): Promise<void> {
    const changed = await this.serials.change(payload.serial, (current) =>
      applyItemAdded(current, {
        serial: payload.serial,
        item: payload.item,
        addedAt: new Date(payload.addedAt),
      }),
    );
    this.unchanged(changed, 'SupplyItemAdded', payload.serial);
  }

  async onSupplyItemRemoved({ payload }: EventEnvelope<SupplyItemRemovedPayload>): Promise<void> {
    const changed = await this.serials.change(payload.serial, (current) =>
      applyItemRemoved(current, {
        serial: payload.serial,
        reorderNumber: payload.reorderNumber,
        removedAt: new Date(payload.removedAt),
      }),
    );
    this.unchanged(changed, 'SupplyItemRemoved', payload.serial);
  }

  async onContractChanged({ payload }: EventEnvelope<ContractChangedPayload>): Promise<void> {
    const changed = await this.serials.change(payload.serial, (current) =>
      applyContractDecided(current, {
        serial: payload.serial,
        accountId: payload.accountId,
        contract: payload.contract,
        changedAt: new Date(payload.changedAt),
      }),
    );
    this.unchanged(changed, 'ContractChanged', payload.serial);
  }

  async onRegistrationApproved({
    payload,
  }: EventEnvelope<RegistrationApprovedPayload>): Promise<void> {
    const changed = await this.accounts.change(payload.accountId, (current) =>
      applyAccountApproved(current, {
        accountId: payload.accountId,
        company: payload.company,
        country: payload.country,
        shipTo: payload.shipTo,
        approvedAt: new Date(payload.approvedAt),
      }),
    );
    this.unchanged(changed, 'RegistrationApproved', payload.accountId);
  }

  async onShipToAddressChanged({
    payload,
  }: EventEnvelope<ShipToAddressChangedPayload>): Promise<void> {
    const changed = await this.accounts.change(payload.accountId, (current) =>
      applyShipToChanged(current, {
        accountId: payload.accountId,
        shipTo: payload.shipTo,
        changedAt: new Date(payload.changedAt),
      }),
    );
    this.unchanged(changed, 'ShipToAddressChanged', payload.accountId);
  }

  private unchanged(changed: boolean, type: string, key: string): void {
    if (!changed) this.logger.debug(`${type} ${key}: not newer than what is stored; ignored`);
  }
}
