import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import {
  Actor,
  MachinesRequestDecidedEvent,
  MachinesRequestDecidedPayload,
  SupplyItemRequestDecidedEvent,
  SupplyItemRequestDecidedPayload,
} from '@metered/contracts';
import { EventOutbox, OutgoingEvent } from '@metered/event-platform';
import { ConflictError, InvalidInputError, NotFoundError } from '@metered/service-kit';
import { AccountLinkingService } from '../accounts/account-linking.service';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { DeviceItemsService } from '../account-devices/device-items.service';
import { actorOf, staffActionRecorded } from '../common/staff-action';
import { toSupplyItemSummary } from '../supply-items/persistence/supply-item.mapper';
import { toRequestDto } from './account-request.view';
import { AccountRequest, RequestDecisionRecord, serialsToApprove } from './domain/account-request';
import { AccountRequestDto } from './dto/account-request.dto';
import {
  AccountRequestsRepository,
  DecisionWrite,
} from './persistence/account-requests.repository';

const SUBJECT = { machines: 'machines-request', 'supply-items': 'supply-item-request' } as const;

/**
 * The helpdesk decides a request once. The decision runs under the request's lock: a second
 * agent deciding at the same time waits and then finds it decided (409). Approving first
 * makes the change (devices linked, item added — each with its own event in the device's
 * write), then records the decision, its event and its audit entry in one write.
 */
@Injectable()
export class AccountRequestDecisionsService {
  constructor(
    private readonly requests: AccountRequestsRepository,
    private readonly accounts: AccountsRepository,
    private readonly linking: AccountLinkingService,
    private readonly items: DeviceItemsService,
    private readonly outbox: EventOutbox,
  ) {}

  async approve(
    user: AuthenticatedUser,
    requestId: string,
    serials?: string[],
  ): Promise<AccountRequestDto> {
    const actor = actorOf(user);
    return this.decide(requestId, (request) =>
      request.kind === 'machines'
        ? this.approveMachines(actor, request, serials)
        : this.approveItem(actor, request),
    );
  }

  async decline(
    user: AuthenticatedUser,
    requestId: string,
    reason: string,
  ): Promise<AccountRequestDto> {
    const actor = actorOf(user);
    return this.decide(requestId, async (request) => {
      const decision: RequestDecisionRecord = {
        decision: 'declined',
        ...(request.kind === 'machines' ? { approvedSerials: [] } : {}),
        reason,
        decidedBy: actor,
        decidedAt: new Date(),
      };
      return { decision, events: this.decisionEvents(request, decision) };
    });
  }

  private async decide(
    requestId: string,
    work: (request: AccountRequest) => Promise<DecisionWrite>,
  ): Promise<AccountRequestDto> {
    const decided = await this.requests.decide(requestId, async (request) => {
      if (request.status !== 'open') {
        throw new ConflictError(`request ${requestId} was already ${request.status}`, {
          status: request.status,
        });
      }
      return work(request);
    });
    if (!decided) throw new NotFoundError(`request ${requestId} not found`);
    return toRequestDto(decided);
  }

  private async approveMachines(
    actor: Actor,
    request: AccountRequest,
    chosen: string[] | undefined,
  ): Promise<DecisionWrite> {
    const choice = serialsToApprove(request.checks ?? [], chosen);
    if (!choice.ok && choice.problem === 'not-requested') {
      throw new InvalidInputError(
        choice.serials.map((serial) => ({
          field: 'serials',
          reason: `${serial} was not requested`,
        })),
      );
    }
    if (!choice.ok) throw new ConflictError('none of the requested serials can be added');
    const account = await this.accounts.findById(request.accountId);
    if (!account) throw new ConflictError(`account ${request.accountId} no longer exists`);
    const approved: string[] = [];
    const refused: { serial: string; reason: string }[] = [];
    for (const serial of choice.serials) {
      const outcome = await this.linking.linkSerial(account, serial, {
        source: 'customer-request',
        linkedBy: request.requestId,
        requireEligible: true,
      });
      // Linked to this account meanwhile (by the helpdesk, or an earlier try): it is there.
      if (outcome.linked || outcome.reason === 'already-ours') approved.push(serial);
      else
        refused.push({
          serial,
          reason: outcome.reason === 'ineligible' ? outcome.check.message : outcome.reason,
        });
    }
    if (approved.length === 0) {
      throw new ConflictError('none of the requested serials can be added now', {
        errors: refused.map((r) => ({ field: 'serials', reason: `${r.serial}: ${r.reason}` })),
      });
    }
    const decision: RequestDecisionRecord = {
      decision: 'approved',
      approvedSerials: approved,
      decidedBy: actor,
      decidedAt: new Date(),
    };
    return { decision, events: this.decisionEvents(request, decision) };
  }

  private async approveItem(actor: Actor, request: AccountRequest): Promise<DecisionWrite> {
    const serial = request.serial ?? '';
    const reorderNumber = request.reorderNumber ?? '';
    const item = await this.items
      .add(request.accountId, serial, reorderNumber, 'customer-request', { actor })
      .catch((error: unknown) => {
        // The serial left the account since the request: nothing to add it to any more.
        if (error instanceof NotFoundError) {
          throw new ConflictError(`${serial} is no longer a device of the account`);
        }
        throw error;
      });
    const decision: RequestDecisionRecord = {
      decision: 'approved',
      decidedBy: actor,
      decidedAt: new Date(),
    };
    return { decision, events: this.decisionEvents(request, decision, toSupplyItemSummary(item)) };
  }

  private decisionEvents(
    request: AccountRequest,
    decision: RequestDecisionRecord,
    item?: ReturnType<typeof toSupplyItemSummary>,
  ): OutgoingEvent[] {
    const header = {
      requestId: request.requestId,
      accountId: request.accountId,
      company: request.company,
      country: request.country,
      requestedBy: request.requestedBy,
    };
    const common = {
      decision: decision.decision,
      ...(decision.reason ? { reason: decision.reason } : {}),
      decidedBy: decision.decidedBy,
      decidedAt: decision.decidedAt.toISOString(),
    };
    let decided: OutgoingEvent;
    if (request.kind === 'machines') {
      const payload: MachinesRequestDecidedPayload = {
        ...header,
        ...common,
        approvedSerials: decision.approvedSerials ?? [],
      };
      decided = this.outbox.create(MachinesRequestDecidedEvent, payload);
    } else {
      const payload: SupplyItemRequestDecidedPayload = {
        ...header,
        ...common,
        serial: request.serial ?? '',
        reorderNumber: request.reorderNumber ?? '',
        ...(item ? { item } : {}),
      };
      decided = this.outbox.create(SupplyItemRequestDecidedEvent, payload);
    }
    const audit = staffActionRecorded(this.outbox, {
      actor: decision.decidedBy,
      action: `${SUBJECT[request.kind]}.${decision.decision}`,
      subject: { type: SUBJECT[request.kind], id: request.requestId },
      accountId: request.accountId,
      before: { status: request.status },
      after: {
        status: decision.decision,
        ...(decision.approvedSerials ? { approvedSerials: decision.approvedSerials } : {}),
        ...(request.serial ? { serial: request.serial, reorderNumber: request.reorderNumber } : {}),
      },
      ...(decision.reason ? { reason: decision.reason } : {}),
      at: decision.decidedAt,
    });
    return [decided, audit];
  }
}
