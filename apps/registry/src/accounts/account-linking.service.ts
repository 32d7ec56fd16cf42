import { Injectable, Logger } from '@nestjs/common';
import { RegistrationApprovedPayload, SerialAddedEvent } from '@metered/contracts';
import { EventEnvelope, EventOutbox } from '@metered/event-platform';
import { toContractSummary, toModelSummary } from '../contracts/contract-summary';
import { calendarDay, decidingContract } from '../contracts/domain/contract';
import { DeviceModelsRepository } from '../device-models/persistence/device-models.repository';
import type { Device } from '../devices/domain/device';
import { DevicesRepository } from '../devices/persistence/devices.repository';
import { toSupplyItemSummary } from '../supply-items/persistence/supply-item.mapper';
import { SupplyItemsRepository } from '../supply-items/persistence/supply-items.repository';
import type { Account } from './domain/account';
import { AccountsRepository } from './persistence/accounts.repository';

/**
 * Turns an approved registration into an account and links its serials, each with its
 * `SerialAdded` event in the device's own write. Safe to repeat: the account is created once
 * and a serial already linked to this account is left alone.
 */
@Injectable()
export class AccountLinkingService {
  private readonly logger = new Logger(AccountLinkingService.name);

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly devices: DevicesRepository,
    private readonly models: DeviceModelsRepository,
    private readonly supplyItems: SupplyItemsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async onRegistrationApproved(envelope: EventEnvelope<RegistrationApprovedPayload>) {
    const approved = envelope.payload;
    const account = await this.accounts.createOnce({
      accountId: approved.accountId,
      registrationId: approved.registrationId,
      company: approved.company,
      country: approved.country,
      shipTo: approved.shipTo,
      approvedSerials: approved.serials,
      createdAt: new Date(approved.approvedAt),
    });
    for (const serial of approved.serials) await this.link(account, serial);
  }

  private async link(account: Account, serial: string): Promise<void> {
    // Catalog data read up front: the lock is held only for the device's own decision.
    const current = await this.devices.findBySerial(serial);
    if (!current) {
      this.logger.warn(
        `approved serial ${serial} of account ${account.accountId} is unknown; skipped`,
      );
      return;
    }
    const model = await this.models.findByCode(current.modelCode);
    const items = (await this.supplyItems.find(current.modelCode)).map(toSupplyItemSummary);
    let skippedFor: string | undefined;
    await this.devices.change(serial, (device) => {
      if (!device) return undefined;
      if (device.accountId) {
        // Ours already (redelivery), or taken by another account since the checks ran.
        if (device.accountId !== account.accountId) skippedFor = device.accountId;
        return undefined;
      }
      // Thrown errors are retried by the consumer, then parked: both are states to look at.
      if (!model) throw new Error(`device ${serial} has unknown model ${current.modelCode}`);
      if (device.modelCode !== current.modelCode) {
        throw new Error(`device ${serial} changed model while being linked; retrying`);
      }
      const now = new Date();
      return {
        link: { accountId: account.accountId, linkedBy: account.registrationId, at: now },
        events: [this.serialAdded(account, device, model, items, now)],
      };
    });
    if (skippedFor) {
      this.logger.warn(
        `serial ${serial} approved for account ${account.accountId} already belongs to account ${skippedFor}; not linked`,
      );
    }
  }

  private serialAdded(
    account: Account,
    device: Device,
    model: Parameters<typeof toModelSummary>[0],
    supplyItems: ReturnType<typeof toSupplyItemSummary>[],
    now: Date,
  ) {
    const contract = decidingContract(device.contracts, calendarDay(now));
    return this.outbox.create(SerialAddedEvent, {
      serial: device.serial,
      accountId: account.accountId,
      country: account.country,
      model: toModelSummary(model),
      ...(contract ? { contract: toContractSummary(contract) } : {}),
      shipTo: account.shipTo,
      supplyItems,
      source: 'registration',
      addedAt: now.toISOString(),
    });
  }
}
