import { Injectable, Logger } from '@nestjs/common';
import { RegistrationApprovedPayload, SERIAL_SOURCES, SerialAddedEvent } from '@metered/contracts';
import { EventEnvelope, EventOutbox, OutgoingEvent } from '@metered/event-platform';
import { toContractSummary, toModelSummary } from '../contracts/contract-summary';
import { calendarDay, decidingContract } from '../contracts/domain/contract';
import type { DeviceModel } from '../device-models/domain/device-model';
import { DeviceModelsRepository } from '../device-models/persistence/device-models.repository';
import type { Device } from '../devices/domain/device';
import { DevicesRepository } from '../devices/persistence/devices.repository';
import { checkSerial, SerialCheck } from '../serial-checks/domain/serial-check';
import { toSupplyItemSummary } from '../supply-items/persistence/supply-item.mapper';
import { SupplyItemsRepository } from '../supply-items/persistence/supply-items.repository';
import type { Account } from './domain/account';
import { AccountsRepository } from './persistence/accounts.repository';

export interface LinkOptions {
  source: (typeof SERIAL_SOURCES)[number];
  /** What linked it (registration id, request id, `helpdesk:<userId>`), kept on the device. */
  linkedBy: string;
  /**
   * Re-run the registration checks under the device's lock (helpdesk and requests): only an
   * eligible device is linked. Registrations were checked before the validator approved.
   */
  requireEligible: boolean;
  /** Further events of the same write (the audit entry). */
  alsoEmit?: (device: Device, at: Date) => OutgoingEvent[];
}

export type LinkOutcome =
  | { linked: true }
  | { linked: false; reason: 'unknown' | 'already-ours' | 'taken' }
  | { linked: false; reason: 'ineligible'; check: SerialCheck };

/**
 * Links serials to accounts, each with its `SerialAdded` event in the device's own write:
 * for approved registrations, the helpdesk's direct adds and approved machine requests.
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

  /** Safe to repeat: the account is created once; a serial already ours is left alone. */
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
    for (const serial of approved.serials) {
      const outcome = await this.linkSerial(account, serial, {
        source: 'registration',
        linkedBy: account.registrationId,
        requireEligible: false,
      });
      if (outcome.linked || outcome.reason === 'already-ours') continue;
      // Taken by another registration since the checks ran: the helpdesk sorts it out.
      this.logger.warn(
        `approved serial ${serial} of account ${account.accountId} not linked: ${outcome.reason}`,
      );
    }
  }

  async linkSerial(account: Account, serial: string, options: LinkOptions): Promise<LinkOutcome> {
    // Catalog data read up front: the lock is held only for the device's own decision.
    const current = await this.devices.findBySerial(serial);
    if (!current) return { linked: false, reason: 'unknown' };
    const model = await this.models.findByCode(current.modelCode);
    const items = (await this.supplyItems.find(current.modelCode)).map(toSupplyItemSummary);
    let outcome: LinkOutcome = { linked: false, reason: 'unknown' };
    await this.devices.change(serial, (device) => {
      if (!device) return undefined;
      const now = new Date();
      if (device.accountId) {
        outcome = {
          linked: false,
          reason: device.accountId === account.accountId ? 'already-ours' : 'taken',
        };
        return undefined;
      }
      if (options.requireEligible) {
        const check = checkSerial({ serial, device, model }, account.country, calendarDay(now));
        if (check.outcome !== 'eligible') {
          outcome = { linked: false, reason: 'ineligible', check };
          return undefined;
        }
      }
      // Thrown errors are retried by the consumer, then parked: both are states to look at.
      if (!model) throw new Error(`device ${serial} has unknown model ${current.modelCode}`);
      if (device.modelCode !== current.modelCode) {
        throw new Error(`device ${serial} changed model while being linked; retrying`);
      }
      outcome = { linked: true };
      return {
        link: { accountId: account.accountId, linkedBy: options.linkedBy, at: now },
        events: [
          this.serialAdded(account, device, model, items, options.source, now),
          ...(options.alsoEmit?.(device, now) ?? []),
        ],
      };
    });
    return outcome;
  }

  private serialAdded(
    account: Account,
    device: Device,
    model: DeviceModel,
    supplyItems: ReturnType<typeof toSupplyItemSummary>[],
    source: LinkOptions['source'],
    now: Date,
  ): OutgoingEvent {
    const contract = decidingContract(device.contracts, calendarDay(now));
    return this.outbox.create(SerialAddedEvent, {
      serial: device.serial,
      accountId: account.accountId,
      country: account.country,
      model: toModelSummary(model),
      ...(contract ? { contract: toContractSummary(contract) } : {}),
      shipTo: account.shipTo,
      supplyItems,
      source,
      addedAt: now.toISOString(),
    });
  }
}
