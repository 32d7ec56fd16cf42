import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import {
  MachinesRequestedEvent,
  MachinesRequestedPayload,
  SupplyItemRequestedEvent,
  SupplyItemRequestedPayload,
} from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { ConflictError, InvalidInputError, NotFoundError } from '@metered/service-kit';
import { isStaff } from '../accounts/domain/account-access';
import type { Account } from '../accounts/domain/account';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { DeviceItemsService } from '../account-devices/device-items.service';
import { actorOf } from '../common/staff-action';
import { calendarDay, coversOn, decidingContract } from '../contracts/domain/contract';
import { listedSupplyItems } from '../devices/domain/device-supply-items';
import { DevicesRepository } from '../devices/persistence/devices.repository';
import { SerialChecksService, toResult } from '../serial-checks/serial-checks.service';
import { toRequestDto } from './account-request.view';
import { AccountRequest, machinesRequestProblems, maySeeRequest } from './domain/account-request';
import {
  AccountRequestQueryDto,
  MachinesRequestBodyDto,
  SupplyItemRequestBodyDto,
} from './dto/account-request-bodies.dto';
import { AccountRequestDto } from './dto/account-request.dto';
import { AccountRequestsRepository } from './persistence/account-requests.repository';

/** Customers ask the helpdesk for more machines or for items not listed (rules 5 and 6). */
@Injectable()
export class AccountRequestsService {
  constructor(
    private readonly requests: AccountRequestsRepository,
    private readonly accounts: AccountsRepository,
    private readonly devices: DevicesRepository,
    private readonly serialChecks: SerialChecksService,
    private readonly items: DeviceItemsService,
    private readonly outbox: EventOutbox,
  ) {}

  async requestMachines(
    user: AuthenticatedUser,
    body: MachinesRequestBodyDto,
  ): Promise<AccountRequestDto> {
    const account = await this.ownAccount(user);
    const proof = await this.devices.findBySerial(body.proofSerial);
    const today = calendarDay();
    if (
      !proof ||
      proof.accountId !== account.accountId ||
      !coversOn(decidingContract(proof.contracts, today), today)
    ) {
      throw new InvalidInputError([
        {
          field: 'proofSerial',
          reason: 'must be a serial of your account with a current Metered Supplies contract',
        },
      ]);
    }
    const { results } = await this.serialChecks.check(body.serials, account.country);
    const problems = machinesRequestProblems(results);
    if (problems.length > 0) throw new InvalidInputError(problems);
    const request = this.newRequest(user, account, 'machines', {
      proofSerial: body.proofSerial,
      checks: results.map(toResult),
    });
    // Typed apart: the shared keyOf makes the definition's payload type the header only.
    const payload: MachinesRequestedPayload = {
      ...this.header(request),
      proofSerial: body.proofSerial,
      checks: request.checks ?? [],
      requestedAt: request.requestedAt.toISOString(),
    };
    const event = this.outbox.create(MachinesRequestedEvent, payload);
    await this.requests.insert(request, [event]);
    return toRequestDto(request);
  }

  async requestSupplyItem(
    user: AuthenticatedUser,
    body: SupplyItemRequestBodyDto,
  ): Promise<AccountRequestDto> {
    const account = await this.ownAccount(user);
    const device = await this.devices.findBySerial(body.serial);
    // Unknown and someone else's serials get the same answer.
    if (!device || device.accountId !== account.accountId) {
      throw new InvalidInputError([{ field: 'serial', reason: 'not a serial of your account' }]);
    }
    await this.items.catalogItem(body.reorderNumber);
    const modelItems = (await this.items.modelItemsOf(body.serial)) ?? [];
    if (listedSupplyItems(modelItems, device).includes(body.reorderNumber)) {
      throw new ConflictError(`${body.reorderNumber} is already listed for ${body.serial}`);
    }
    const open = await this.requests.list({
      status: 'open',
      kind: 'supply-items',
      accountId: account.accountId,
      serial: body.serial,
      reorderNumber: body.reorderNumber,
    });
    if (open.length > 0) {
      throw new ConflictError(`${body.reorderNumber} for ${body.serial} is already requested`, {
        requestId: open[0].requestId,
      });
    }
    const request = this.newRequest(user, account, 'supply-items', {
      serial: body.serial,
      reorderNumber: body.reorderNumber,
      ...(body.note ? { note: body.note } : {}),
    });
    const payload: SupplyItemRequestedPayload = {
      ...this.header(request),
      serial: body.serial,
      reorderNumber: body.reorderNumber,
      ...(body.note ? { note: body.note } : {}),
      requestedAt: request.requestedAt.toISOString(),
    };
    const event = this.outbox.create(SupplyItemRequestedEvent, payload);
    await this.requests.insert(request, [event]);
    return toRequestDto(request);
  }

  /** Customers: their account's requests; staff: every request (the helpdesk queue). */
  async list(user: AuthenticatedUser, query: AccountRequestQueryDto): Promise<AccountRequestDto[]> {
    const accountId = isStaff(user) ? query.accountId : user.accountId;
    if (!isStaff(user) && !accountId) return [];
    const found = await this.requests.list({ ...query, accountId });
    return found.map(toRequestDto);
  }

  async get(user: AuthenticatedUser, requestId: string): Promise<AccountRequestDto> {
    const request = await this.requests.findById(requestId);
    if (!request || !maySeeRequest(user, request)) {
      throw new NotFoundError(`request ${requestId} not found`);
    }
    return toRequestDto(request);
  }

  private async ownAccount(user: AuthenticatedUser): Promise<Account> {
    const account = user.accountId ? await this.accounts.findById(user.accountId) : undefined;
    if (!account) throw new NotFoundError('your account was not found');
    return account;
  }

  private newRequest(
    user: AuthenticatedUser,
    account: Account,
    kind: AccountRequest['kind'],
    details: Partial<AccountRequest>,
  ): AccountRequest {
    return {
      requestId: randomUUID(),
      kind,
      accountId: account.accountId,
      company: account.company,
      country: account.country,
      status: 'open',
      requestedBy: actorOf(user),
      requestedAt: new Date(),
      ...details,
    };
  }

  private header(request: AccountRequest) {
    return {
      requestId: request.requestId,
      accountId: request.accountId,
      company: request.company,
      country: request.country,
      requestedBy: request.requestedBy,
    };
  }
}
