import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import { ShipToAddressChangedEvent } from '@metered/contracts';
import { findCountry } from '@metered/contracts/reference';
import { EventOutbox } from '@metered/event-platform';
import { InvalidInputError, NotFoundError } from '@metered/service-kit';
import { actorOf, staffActionRecorded } from '../common/staff-action';
import { DevicesService } from '../devices/devices.service';
import { AccountDeviceDto } from '../devices/dto/device-view.dto';
import { DevicesRepository } from '../devices/persistence/devices.repository';
import type { Account } from './domain/account';
import { AccountViewer, maySeeAccount } from './domain/account-access';
import { readAccountSearch } from './domain/account-search';
import { normaliseShipTo, sameShipTo, shipToProblems } from './domain/ship-to';
import { AccountDto, AccountSummaryDto, ShipToAddressBodyDto } from './dto/account.dto';
import { AccountsRepository } from './persistence/accounts.repository';

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly devices: DevicesRepository,
    private readonly deviceViews: DevicesService,
    private readonly outbox: EventOutbox,
  ) {}

  async get(viewer: AccountViewer, accountId: string): Promise<AccountDto> {
    return this.view(await this.visible(viewer, accountId));
  }

  async devicesOf(viewer: AccountViewer, accountId: string): Promise<AccountDeviceDto[]> {
    await this.visible(viewer, accountId);
    return this.deviceViews.ofAccount(accountId);
  }

  /** The helpdesk's search: company fragment, exact serial or account id (staff only). */
  async search(query: string | undefined): Promise<AccountSummaryDto[]> {
    const search = readAccountSearch(query);
    if (!search) return [];
    const ids: string[] = [];
    if (search.accountId) ids.push(search.accountId);
    if (search.serial) {
      const device = await this.devices.findBySerial(search.serial);
      if (device?.accountId) ids.push(device.accountId);
    }
    const found = await this.accounts.search(search, ids);
    const devices = await this.devices.findByAccounts(found.map((a) => a.accountId));
    return found.map((account) => ({
      accountId: account.accountId,
      company: account.company,
      country: account.country,
      shipTo: account.shipTo,
      serials: devices.filter((d) => d.accountId === account.accountId).map((d) => d.serial),
    }));
  }

  /**
   * The helpdesk changes where an account's supplies go (domain rule 8): the new address,
   * `ShipToAddressChanged` and its audit entry are one write of the account document.
   * The same address again changes nothing and publishes nothing.
   */
  async changeShipTo(
    user: AuthenticatedUser,
    accountId: string,
    body: ShipToAddressBodyDto,
  ): Promise<AccountDto> {
    const shipTo = normaliseShipTo(body);
    const actor = actorOf(user);
    let problems: ReturnType<typeof shipToProblems> = [];
    const changed = await this.accounts.change(accountId, (account) => {
      problems = shipToProblems(shipTo, account.country);
      if (problems.length > 0 || sameShipTo(account.shipTo, shipTo)) return undefined;
      const at = new Date();
      return {
        shipTo,
        events: [
          this.outbox.create(ShipToAddressChangedEvent, {
            accountId,
            previous: account.shipTo,
            shipTo,
            changedBy: actor,
            changedAt: at.toISOString(),
          }),
          staffActionRecorded(this.outbox, {
            actor,
            action: 'ship-to.changed',
            subject: { type: 'account', id: accountId },
            accountId,
            before: { shipTo: account.shipTo },
            after: { shipTo },
            at,
          }),
        ],
      };
    });
    if (!changed) throw new NotFoundError(`account ${accountId} not found`);
    if (problems.length > 0) throw new InvalidInputError(problems);
    return this.view(changed);
  }

  /** Someone else's account is answered exactly like a missing one. */
  async visible(viewer: AccountViewer, accountId: string): Promise<Account> {
    const account = maySeeAccount(viewer, accountId)
      ? await this.accounts.findById(accountId)
      : undefined;
    if (!account) throw new NotFoundError(`account ${accountId} not found`);
    return account;
  }

  private async view(account: Account): Promise<AccountDto> {
    const linked = await this.devices.findByAccount(account.accountId);
    const helpdesk = findCountry(account.country)?.helpdesk;
    return {
      accountId: account.accountId,
      company: account.company,
      country: account.country,
      shipTo: account.shipTo,
      serials: linked.map((device) => device.serial),
      helpdesk: helpdesk ? { phone: helpdesk.phone, prompts: [...helpdesk.prompts] } : null,
    };
  }
}
