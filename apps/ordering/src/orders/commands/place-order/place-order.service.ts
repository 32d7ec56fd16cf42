import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import { OrderHeldEvent, OrderPlacedEvent, StaffActionRecordedEvent } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { InvalidInputError, NotFoundError, UnavailableError } from '@metered/service-kit';
import { AllowancesService } from '../../../allowances/allowances.service';
import { ORDERING_CONFIG, type OrderingConfig } from '../../../config/ordering.config';
import { currentShipTo } from '../../../read-models/domain/account-view';
import { belongsTo } from '../../../read-models/domain/serial-view';
import { AccountsRepository } from '../../../read-models/persistence/accounts.repository';
import { SerialsRepository } from '../../../read-models/persistence/serials.repository';
import type { Order } from '../../domain/order';
import { newOrderNumber } from '../../domain/order-number';
import { toSnapshot } from '../../domain/order-snapshot';
import { orderAudit } from '../../domain/staff-audit';
import { UnprocessableError } from '../../errors/unprocessable.error';
import { OrdersRepository } from '../../persistence/orders.repository';
import { decideOrder, type OrderDecision } from './domain/order-request';
import { requestHash } from './domain/idempotency';
import type { PlaceOrderDto } from './dto/place-order.dto';
import { IdempotentPlacement } from './idempotent-placement';

export interface PlaceOrderCommand {
  user: AuthenticatedUser;
  body: PlaceOrderDto;
  idempotencyKey?: string;
}

export interface PlaceOrderResult {
  order: Order;
  /** True when an earlier request with the same Idempotency-Key made it. */
  replayed: boolean;
}

const MAX_NUMBER_DRAWS = 5;

/**
 * Places an order for one serial, deciding alone from ordering's own read models. Every
 * refusal happens before anything is written; the order and its OrderPlaced/OrderHeld are
 * one insert.
 */
@Injectable()
export class PlaceOrderService {
  constructor(
    private readonly serials: SerialsRepository,
    private readonly accounts: AccountsRepository,
    private readonly orders: OrdersRepository,
    private readonly allowances: AllowancesService,
    private readonly idempotency: IdempotentPlacement,
    private readonly outbox: EventOutbox,
    @Inject(ORDERING_CONFIG) private readonly config: OrderingConfig,
  ) {}

  async place(command: PlaceOrderCommand): Promise<PlaceOrderResult> {
    const { body, user } = command;
    const { accountId, channel } = orderingParty(user, body.accountId);
    const shippingMethod = body.shippingMethod ?? 'standard';
    const hash = requestHash({ accountId, serial: body.serial, rows: body.rows, shippingMethod });
    return this.idempotency.run(
      { accountId, key: command.idempotencyKey, requestHash: hash },
      (orderId) => this.placeNew(orderId, command, accountId, channel),
    );
  }

  private async placeNew(
    orderId: string,
    { body, user }: PlaceOrderCommand,
    accountId: string,
    channel: 'web' | 'helpdesk',
  ): Promise<Order> {
    const view = await this.serials.findBySerial(body.serial);
    // Unknown, not yet linked, or another account's: one and the same answer.
    if (!belongsTo(view, accountId)) throw new NotFoundError(`serial ${body.serial} not found`);
    const account = await this.accounts.findById(accountId);
    if (!account) {
      throw new UnavailableError(
        `account ${accountId} is not known to ordering yet; try again shortly`,
      );
    }
    const now = new Date();
    const decision = decideOrder(body, view, {
      channel,
      now,
      maxCartonsPerRow: this.config.maxCartonsPerRow,
      allowanceOf: await this.allowances.allowanceFor(body.rows.map((row) => row.reorderNumber)),
    });
    accepted(decision);
    const order: Order = {
      orderId,
      orderNumber: newOrderNumber(now),
      accountId,
      company: account.company,
      country: view.country ?? account.country,
      serial: view.serial,
      model: view.model!,
      shipTo: currentShipTo(account, view),
      rows: decision.rows,
      channel,
      shippingMethod: decision.shippingMethod,
      placedBy: user.userId,
      placedAt: now,
      status: decision.status,
      history: [{ status: decision.status, at: now, by: user.userId }],
      ...(decision.status === 'held'
        ? { holdReason: decision.holdReason, heldRows: decision.heldRows }
        : {}),
    };
    return this.insertWithFreshNumber(order, user);
  }

  private async insertWithFreshNumber(order: Order, user: AuthenticatedUser): Promise<Order> {
    let candidate = order;
    for (let draw = 1; draw <= MAX_NUMBER_DRAWS; draw++) {
      const outcome = await this.orders.insert(candidate, this.firstEvents(candidate, user));
      if (outcome === 'inserted') return candidate;
      if (outcome === 'duplicate-order-id') {
        return (await this.orders.findById(candidate.orderId)) ?? candidate;
      }
      candidate = { ...candidate, orderNumber: newOrderNumber(candidate.placedAt) };
    }
    throw new UnavailableError('could not draw a free order number; try again');
  }

  /** OrderPlaced or OrderHeld; for an order placed by the helpdesk, its audit record too. */
  private firstEvents(order: Order, user: AuthenticatedUser) {
    const snapshot = toSnapshot(order);
    const first =
      order.status === 'held'
        ? this.outbox.create(OrderHeldEvent, {
            ...snapshot,
            holdReason: order.holdReason!,
            heldRows: order.heldRows!,
          })
        : this.outbox.create(OrderPlacedEvent, snapshot);
    if (order.channel !== 'helpdesk') return [first];
    const audit = orderAudit({
      auditId: randomUUID(),
      actor: user,
      action: 'order.placed',
      order,
      at: order.placedAt,
    });
    return [first, this.outbox.create(StaffActionRecordedEvent, audit)];
  }
}

/** Customers order for their own account on the web; agents name the account by phone. */
function orderingParty(
  user: AuthenticatedUser,
  requested: string | undefined,
): { accountId: string; channel: 'web' | 'helpdesk' } {
  if (user.roles.includes('helpdesk') || user.roles.includes('admin')) {
    if (!requested) {
      throw new InvalidInputError([
        { field: 'accountId', reason: 'the helpdesk names the customer account it orders for' },
      ]);
    }
    return { accountId: requested, channel: 'helpdesk' };
  }
  if (!user.accountId) throw new NotFoundError('no customer account');
  if (requested !== undefined && requested !== user.accountId) {
    throw new InvalidInputError([
      { field: 'accountId', reason: 'customers order for their own account only' },
    ]);
  }
  return { accountId: user.accountId, channel: 'web' };
}

function accepted(
  decision: OrderDecision,
): asserts decision is Extract<OrderDecision, { ok: true }> {
  if (decision.ok) return;
  if (decision.kind === 'invalid') throw new InvalidInputError(decision.problems);
  throw new UnprocessableError(
    [{ field: 'serial', reason: decision.message }],
    'contract-not-current',
  );
}
