import { Injectable, Logger } from '@nestjs/common';
import type {
  ContractChangedPayload,
  RegistrationApprovedPayload,
  SerialAddedPayload,
} from '@metered/contracts';
import type { EventEnvelope } from '@metered/event-platform';
import { applyContractDecided, applySerialLinked } from './domain/serial-view';
import { AccountsRepository } from './persistence/accounts.repository';
import { SerialsRepository } from './persistence/serials.repository';

/**
 * Keeps ordering's copies of accounts and serials current from identity's and registry's
 * events — never by calling them — so orders are decided while they are down.
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
    if (!changed) this.logger.debug(`SerialAdded ${payload.serial}: older than stored; ignored`);
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
    if (!changed) {
      this.logger.debug(`ContractChanged ${payload.serial}: older than stored; ignored`);
    }
  }

  async onRegistrationApproved({
    payload,
  }: EventEnvelope<RegistrationApprovedPayload>): Promise<void> {
    await this.accounts.save({
      accountId: payload.accountId,
      company: payload.company,
      country: payload.country,
      shipTo: payload.shipTo,
      approvedAt: new Date(payload.approvedAt),
    });
  }
}
