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
import {
  type AccountChange,
  contractChanged,
  registrationApproved,
  type SerialChange,
  serialAdded,
  serialRemoved,
  shipToAddressChanged,
  supplyItemAdded,
  supplyItemRemoved,
} from './domain/read-model-changes';
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
    await this.serial('SerialAdded', payload.serial, serialAdded(payload));
  }

  async onSerialRemoved({ payload }: EventEnvelope<SerialRemovedPayload>): Promise<void> {
    await this.serial('SerialRemoved', payload.serial, serialRemoved(payload));
  }

  async onSupplyItemAdded({ payload }: EventEnvelope<SupplyItemAddedPayload>): Promise<void> {
    await this.serial('SupplyItemAdded', payload.serial, supplyItemAdded(payload));
  }

  async onSupplyItemRemoved({ payload }: EventEnvelope<SupplyItemRemovedPayload>): Promise<void> {
    await this.serial('SupplyItemRemoved', payload.serial, supplyItemRemoved(payload));
  }

  async onContractChanged({ payload }: EventEnvelope<ContractChangedPayload>): Promise<void> {
    await this.serial('ContractChanged', payload.serial, contractChanged(payload));
  }

  async onRegistrationApproved({
    payload,
  }: EventEnvelope<RegistrationApprovedPayload>): Promise<void> {
    await this.account('RegistrationApproved', payload.accountId, registrationApproved(payload));
  }

  async onShipToAddressChanged({
    payload,
  }: EventEnvelope<ShipToAddressChangedPayload>): Promise<void> {
    await this.account('ShipToAddressChanged', payload.accountId, shipToAddressChanged(payload));
  }

  private async serial(type: string, serial: string, change: SerialChange): Promise<void> {
    this.unchanged(await this.serials.change(serial, change), type, serial);
  }

  private async account(type: string, accountId: string, change: AccountChange): Promise<void> {
    this.unchanged(await this.accounts.change(accountId, change), type, accountId);
  }

  private unchanged(changed: boolean, type: string, key: string): void {
    if (!changed) this.logger.debug(`${type} ${key}: not newer than what is stored; ignored`);
  }
}
