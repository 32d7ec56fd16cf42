import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import { SerialRemovedEvent } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { ConflictError, InvalidInputError, NotFoundError } from '@metered/service-kit';
import { AccountLinkingService } from '../accounts/account-linking.service';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { actorOf, staffActionRecorded } from '../common/staff-action';
import { DevicesService } from '../devices/devices.service';
import { AccountDeviceDto } from '../devices/dto/device-view.dto';
import { DevicesRepository } from '../devices/persistence/devices.repository';
import { DeviceItemsService, notOnAccount } from './device-items.service';
import { RemovedDeviceDto } from './dto/account-device-change.dto';

/**
 * The helpdesk's direct changes to an account's machines and their items (domain rules 5
 * and 6). Each change, its event and its audit entry are one write of the device document.
 */
@Injectable()
export class AccountDevicesService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly devices: DevicesRepository,
    private readonly views: DevicesService,
    private readonly linking: AccountLinkingService,
    private readonly items: DeviceItemsService,
    private readonly outbox: EventOutbox,
  ) {}

  /** Links a serial that passes the registration checks; refusals name `serial`. */
  async addDevice(
    user: AuthenticatedUser,
    accountId: string,
    serial: string,
    reason?: string,
  ): Promise<AccountDeviceDto> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new NotFoundError(`account ${accountId} not found`);
    const actor = actorOf(user);
    const outcome = await this.linking.linkSerial(account, serial, {
      source: 'helpdesk',
      linkedBy: `helpdesk:${user.userId}`,
      requireEligible: true,
      alsoEmit: (device, at) => [
        staffActionRecorded(this.outbox, {
          actor,
          action: 'device.added',
          subject: { type: 'device', id: device.serial },
          accountId,
          after: { serial: device.serial, accountId },
          ...(reason ? { reason } : {}),
          at,
        }),
      ],
    });
    if (!outcome.linked) {
      switch (outcome.reason) {
        case 'unknown':
          throw new InvalidInputError([
            { field: 'serial', reason: `${serial} is not a device we know` },
          ]);
        case 'ineligible':
          throw new InvalidInputError([{ field: 'serial', reason: outcome.check.message }]);
        case 'already-ours':
          throw new ConflictError(`${serial} is already a device of this account`, {
            errors: [{ field: 'serial', reason: 'already on this account' }],
          });
        case 'taken':
          throw new ConflictError(`${serial} belongs to another account`, {
            errors: [{ field: 'serial', reason: 'linked to another account' }],
          });
      }
    }
    return this.views.accountView(serial);
  }

  async removeDevice(
    user: AuthenticatedUser,
    accountId: string,
    serial: string,
    reason: string,
  ): Promise<RemovedDeviceDto> {
    const actor = actorOf(user);
    const removedAt = new Date();
    await this.devices.change(serial, (device) => {
      if (!device || device.accountId !== accountId) throw notOnAccount(serial, accountId);
      return {
        unlink: true,
        events: [
          this.outbox.create(SerialRemovedEvent, {
            serial,
            accountId,
            reason,
            removedBy: actor,
            removedAt: removedAt.toISOString(),
          }),
          staffActionRecorded(this.outbox, {
            actor,
            action: 'device.removed',
            subject: { type: 'device', id: serial },
            accountId,
            before: {
              serial,
              accountId,
              extraSupplyItems: device.extraSupplyItems,
              removedSupplyItems: device.removedSupplyItems,
            },
            reason,
            at: removedAt,
          }),
        ],
      };
    });
    return { serial, accountId, reason, removedAt: removedAt.toISOString() };
  }

  async addItem(
    user: AuthenticatedUser,
    accountId: string,
    serial: string,
    reorderNumber: string,
  ): Promise<AccountDeviceDto> {
    const actor = actorOf(user);
    await this.items.add(accountId, serial, reorderNumber, 'helpdesk', {
      actor,
      alsoEmit: (_device, item, at) => [
        staffActionRecorded(this.outbox, {
          actor,
          action: 'supply-item.added',
          subject: { type: 'device', id: serial },
          accountId,
          after: { serial, reorderNumber: item },
          at,
        }),
      ],
    });
    return this.views.accountView(serial);
  }

  async removeItem(
    user: AuthenticatedUser,
    accountId: string,
    serial: string,
    reorderNumber: string,
  ): Promise<AccountDeviceDto> {
    const actor = actorOf(user);
    await this.items.remove(accountId, serial, reorderNumber, {
      actor,
      alsoEmit: (_device, item, at) => [
        staffActionRecorded(this.outbox, {
          actor,
          action: 'supply-item.removed',
          subject: { type: 'device', id: serial },
          accountId,
          before: { serial, reorderNumber: item },
          at,
        }),
      ],
    });
    return this.views.accountView(serial);
  }
}
