import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@metered/service-kit';
import { DevicesService } from '../devices/devices.service';
import { AccountDeviceDto } from '../devices/dto/device-view.dto';
import { DevicesRepository } from '../devices/persistence/devices.repository';
import { AccountViewer, maySeeAccount } from './domain/account-access';
import { AccountDto } from './dto/account.dto';
import { AccountsRepository } from './persistence/accounts.repository';

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly devices: DevicesRepository,
    private readonly deviceViews: DevicesService,
  ) {}

  async get(viewer: AccountViewer, accountId: string): Promise<AccountDto> {
    const account = await this.visible(viewer, accountId);
    const linked = await this.devices.findByAccount(accountId);
    return {
      accountId: account.accountId,
      company: account.company,
      country: account.country,
      shipTo: account.shipTo,
      serials: linked.map((device) => device.serial),
    };
  }

  async devicesOf(viewer: AccountViewer, accountId: string): Promise<AccountDeviceDto[]> {
    await this.visible(viewer, accountId);
    return this.deviceViews.ofAccount(accountId);
  }

  /** Someone else's account is answered exactly like a missing one. */
  private async visible(viewer: AccountViewer, accountId: string) {
    const account = maySeeAccount(viewer, accountId)
      ? await this.accounts.findById(accountId)
      : undefined;
    if (!account) throw new NotFoundError(`account ${accountId} not found`);
    return account;
  }
}
