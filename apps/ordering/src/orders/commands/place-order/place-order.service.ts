import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import {
  AUTO_REPLENISHMENT_ACTOR,
  OrderHeldEvent,
  OrderPlacedEvent,
  StaffActionRecordedEvent,
  type AutoOrderTrigger,
  type OrderChannel,
} from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { InvalidInputError, NotFoundError, UnavailableError } from '@metered/service-kit';
import { ORDERING_CONFIG, type OrderingConfig } from '../../../config/ordering.config';
import { PlacementViews } from '../../../read-models/cache/placement-views';
import { currentShipTo } from '../../../read-models/domain/account-view';
import { belongsTo } from '../../../read-models/domain/serial-view';
import type { Order } from '../../domain/order';
import { newOrderNumber } from '../../domain/order-number';
import { toSnapshot } from '../../domain/order-snapshot';
import { orderAudit } from '../../domain/staff-audit';
import { UnprocessableError } from '../../errors/unprocessable.error';
import { OrdersRepository } from '../../persistence/orders.repository';
import {
  alreadyOrdered,
  leftForGood,
  positionFor,
  type ChainEntry,
} from './domain/allowance-chain';
import {
  decideOrder,
  type OrderContext,
  type OrderDecision,
  type OrderRequest,
} from './domain/order-request';
import { defaultAllowance } from './domain/sense-check';
import { requestHash } from './domain/idempotency';
import type { PlaceOrderDto } from './dto/place-order.dto';
import { IdempotentPlacement } from './idempotent-placement';

export interface PlaceOrderCommand {
  user: AuthenticatedUser;
  body: PlaceOrderDto;
  idempotencyKey?: string;
}

/**
 * An automatic order (channel `auto`) for one item of a serial, asked for by telemetry's
 * ReplenishmentRequested; `trigger.requestId` is its idempotency key.
 */
export interface PlaceAutoOrderCommand {
  accountId: string;
  serial: string;
  reorderNumber: string;
  quantity: number;
  trigger: AutoOrderTrigger;
}

export interface PlaceOrderResult {
  order: Order;
  /** True when an earlier request with the same Idempotency-Key made it. */
  replayed: boolean;
}

/** The serial, rows and shipping of an order request, whoever makes it. */
type OrderBody = OrderRequest & { serial: string };

/** Who an order is for and who places it, decided before any rule runs. */
interface OrderingParty {
  accountId: string;
  channel: OrderChannel;
  /** A user id, or AUTO_REPLENISHMENT_ACTOR. */
  placedBy: string;
  /** The person placing it (a helpdesk agent's order is audited); absent for the system. */
  user?: AuthenticatedUser;
}

/** The Idempotency-Key of the automatic order answering one ReplenishmentRequested. */
export function autoOrderKey(requestId: string): string {
  return `replenishment:${requestId}`;
}

/** Inserts tried per order: a taken order number or chain position costs one more. */
const MAX_INSERTS = 10;

/**
 * Places an order for one serial, deciding alone from ordering's own read models and the
 * serial's live orders (the cumulative allowance, see domain/allowance-chain.ts). Every
 * refusal happens before anything is written; the order and its OrderPlaced/OrderHeld are
 * one insert, and that insert is also what makes the allowance decision race-free.
 */
@Injectable()
export class PlaceOrderService {
  private readonly logger = new Logger(PlaceOrderService.name);

  constructor(
    private readonly views: PlacementViews,
    private readonly orders: OrdersRepository,
    private readonly idempotency: IdempotentPlacement,
    private readonly outbox: EventOutbox,
    @Inject(ORDERING_CONFIG) private readonly config: OrderingConfig,
  ) {}

  async place(command: PlaceOrderCommand): Promise<PlaceOrderResult> {
    const { body, user } = command;
    const party = orderingParty(user, body.accountId);
    const shippingMethod = body.shippingMethod ?? 'standard';
    const { accountId } = party;
    const hash = requestHash({ accountId, serial: body.serial, rows: body.rows, shippingMethod });
    return this.idempotency.run(
      { accountId, key: command.idempotencyKey, requestHash: hash },
      (orderId) => this.placeNew(orderId, body, party),
    );
  }

  /**
   * An automatic order through exactly the rules of any order (contract, item of the serial,
   * per-row maximum, the cumulative allowance: held like any other), standard shipping to
   * the account's ship-to; nothing is declared onsite (telemetry asks only when nothing is).
   * Redelivering the same request answers with the same order (`replayed`).
   */
  async placeAutomatic(command: PlaceAutoOrderCommand): Promise<PlaceOrderResult> {
    const { accountId, serial, trigger } = command;
    const body: OrderBody = {
      serial,
      rows: [
        {
          reorderNumber: command.reorderNumber,
          fullCartonsOnsite: 0,
          bottlesOnsite: 0,
          quantity: command.quantity,
        },
      ],
      shippingMethod: 'standard',
    };
    const party: OrderingParty = { accountId, channel: 'auto', placedBy: AUTO_REPLENISHMENT_ACTOR };
    const hash = requestHash({ accountId, serial, rows: body.rows, shippingMethod: 'standard' });
    return this.idempotency.run(
      { accountId, key: autoOrderKey(trigger.requestId), requestHash: hash },
      (orderId) => this.placeNew(orderId, body, party, trigger),
    );
  }

  private async placeNew(
    orderId: string,
    body: OrderBody,
    party: OrderingParty,
    trigger?: AutoOrderTrigger,
  ): Promise<Order> {
    const { accountId, channel } = party;
    // The serial's live orders are read while the rest comes (from memory once warm).
    const liveChain = this.orders.liveChain(body.serial);
    liveChain.catch(() => undefined); // awaited below unless a refusal comes first
    const [view, account, overrides] = await Promise.all([
      this.views.serial(body.serial),
      this.views.account(accountId),
      this.views.allowanceOverrides(body.rows.map((row) => row.reorderNumber)),
    ]);
    // Unknown, not yet linked, or another account's: one and the same answer.
    if (!belongsTo(view, accountId)) throw new NotFoundError(`serial ${body.serial} not found`);
    if (!account) {
      throw new UnavailableError(
        `account ${accountId} is not known to ordering yet; try again shortly`,
      );
    }
    const now = new Date();
    const context: OrderContext = {
      channel,
      now,
      maxCartonsPerRow: this.config.maxCartonsPerRow,
      allowanceOf: defaultAllowance(this.config.allowanceCartons, overrides),
    };
    let chain = await liveChain;
    let orderNumber = newOrderNumber(now);
    for (let attempt = 1; attempt <= MAX_INSERTS; attempt++) {
      const already = alreadyOrdered(chain, now, this.config.allowanceWindowDays);
      const decision = decideOrder(body, view, {
        ...context,
        alreadyOrderedOf: (reorderNumber) => already.get(reorderNumber) ?? 0,
      });
      accepted(decision);
      const order: Order = {
        orderId,
        orderNumber,
        accountId,
        company: account.company,
        country: view.country ?? account.country,
        serial: view.serial,
        model: view.model!,
        shipTo: currentShipTo(account, view),
        rows: decision.rows,
        channel,
        shippingMethod: decision.shippingMethod,
        placedBy: party.placedBy,
        placedAt: now,
        status: decision.status,
        history: [{ status: decision.status, at: now, by: party.placedBy }],
        ...(trigger ? { trigger } : {}),
        ...(decision.status === 'held'
          ? { holdReason: decision.holdReason, heldRows: decision.heldRows }
          : {}),
        allowanceChain: positionFor(view.serial, orderId, decision.status, chain),
      };
      const outcome = await this.orders.insert(order, this.firstEvents(order, party.user));
      if (outcome === 'inserted') {
        this.forgetFinal(chain, now);
        return order;
      }
      if (outcome === 'duplicate-order-id') return (await this.orders.findById(orderId)) ?? order;
      if (outcome === 'duplicate-order-number') orderNumber = newOrderNumber(now);
      // Another placement took the position with what it ordered: decide again knowing it.
      else chain = [...chain, outcome.chainTaken];
    }
    throw new UnavailableError('too many orders for this serial at once; try again');
  }

  /**
   * Takes cancelled and long-delivered orders out of the serial's live set, after the answer
   * and off its path: a failure only leaves them to be read (and skipped) once more.
   */
  private forgetFinal(chain: readonly ChainEntry[], now: Date): void {
    const final = leftForGood(chain, now, this.config.allowanceWindowDays);
    if (final.length === 0) return;
    this.orders.unlink(final).catch((error: unknown) => {
      this.logger.warn(`could not unlink final orders: ${(error as Error).message}`);
    });
  }

  /** OrderPlaced or OrderHeld; for an order placed by the helpdesk, its audit record too. */
  private firstEvents(order: Order, user: AuthenticatedUser | undefined) {
    const snapshot = toSnapshot(order);
    const first =
      order.status === 'held'
        ? this.outbox.create(OrderHeldEvent, {
            ...snapshot,
            holdReason: order.holdReason!,
            heldRows: order.heldRows!,
          })
        : this.outbox.create(OrderPlacedEvent, snapshot);
    if (order.channel !== 'helpdesk' || !user) return [first];
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
function orderingParty(user: AuthenticatedUser, requested: string | undefined): OrderingParty {
  if (user.roles.includes('helpdesk') || user.roles.includes('admin')) {
    if (!requested) {
      throw new InvalidInputError([
        { field: 'accountId', reason: 'the helpdesk names the customer account it orders for' },
      ]);
    }
    return { accountId: requested, channel: 'helpdesk', placedBy: user.userId, user };
  }
  if (!user.accountId) throw new NotFoundError('no customer account');
  if (requested !== undefined && requested !== user.accountId) {
    throw new InvalidInputError([
      { field: 'accountId', reason: 'customers order for their own account only' },
    ]);
  }
  return { accountId: user.accountId, channel: 'web', placedBy: user.userId, user };
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
