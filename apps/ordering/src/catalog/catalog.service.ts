import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import { findCountry } from '@metered/contracts/reference';
import { InvalidInputError } from '@metered/service-kit';
import { ORDERING_CONFIG, type OrderingConfig } from '../config/ordering.config';
import { accountInScope } from '../orders/order-access';
import { type AccountView, currentShipTo } from '../read-models/domain/account-view';
import { calendarDay, isCoveredOn, type SerialView } from '../read-models/domain/serial-view';
import { AccountsRepository } from '../read-models/persistence/accounts.repository';
import { SerialsRepository } from '../read-models/persistence/serials.repository';
import type { CatalogSerialDto } from './dto/catalog.response';

/** What the Order Supplies page offers: the account's serials and each one's own items. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly serials: SerialsRepository,
    private readonly accounts: AccountsRepository,
    @Inject(ORDERING_CONFIG) private readonly config: OrderingConfig,
  ) {}

  async serialsOf(user: AuthenticatedUser, requested?: string): Promise<CatalogSerialDto[]> {
    const accountId = accountInScope(user, requested);
    if (!accountId) {
      throw new InvalidInputError([{ field: 'accountId', reason: 'staff name the account' }]);
    }
    const today = calendarDay(new Date());
    const [views, account] = await Promise.all([
      this.serials.findByAccount(accountId),
      this.accounts.findById(accountId),
    ]);
    return views
      .filter((view) => view.model !== undefined)
      .map((view) => this.toDto(view, account, today));
  }

  private toDto(view: SerialView, account: AccountView | null, today: string): CatalogSerialDto {
    const accountId = view.accountId!;
    const country = findCountry(view.country) ?? findCountry('US')!;
    return {
      serial: view.serial,
      accountId,
      country: view.country ?? country.code,
      model: view.model!,
      contract: view.contract ?? null,
      covered: isCoveredOn(view.contract, today),
      shipTo: account ? currentShipTo(account, view) : view.shipTo!,
      items: view.supplyItems.map((item) => ({
        reorderNumber: item.reorderNumber,
        description: item.description,
        kind: item.kind,
        bottlesPerCarton: item.bottlesPerCarton,
        maxQuantity: this.config.maxCartonsPerRow * item.bottlesPerCarton,
      })),
      helpdesk: { phone: country.helpdesk.phone, prompts: [...country.helpdesk.prompts] },
    };
  }
}
