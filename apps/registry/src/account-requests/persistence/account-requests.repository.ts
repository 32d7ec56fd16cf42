import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import {
  EventOutbox,
  OutgoingEvent,
  withOutbox,
  withoutOutboxFields,
} from '@metered/event-platform';
import type {
  AccountRequest,
  RequestDecisionRecord,
  RequestKind,
  RequestStatus,
} from '../domain/account-request';
import { ACCOUNT_REQUEST, AccountRequestDocument } from './account-request.schema';

export interface RequestFilter {
  status?: RequestStatus;
  kind?: RequestKind;
  accountId?: string;
  serial?: string;
  reorderNumber?: string;
}

/** A decision with the events of its write. */
export interface DecisionWrite {
  decision: RequestDecisionRecord;
  events: OutgoingEvent[];
}

export const REQUEST_LIST_LIMIT = 100;

function toRequest(document: AccountRequestDocument): AccountRequest {
  const { _id, ...request } = withoutOutboxFields(document);
  void _id;
  return request;
}

@Injectable()
export class AccountRequestsRepository {
  constructor(
    @InjectModel(ACCOUNT_REQUEST) private readonly requests: Model<AccountRequestDocument>,
    private readonly outbox: EventOutbox,
  ) {}

  async insert(request: AccountRequest, events: OutgoingEvent[]): Promise<void> {
    await this.outbox.insert(this.requests, { _id: request.requestId, ...request }, events);
  }

  async findById(requestId: string): Promise<AccountRequest | undefined> {
    const document = await this.requests.findById(requestId).lean<AccountRequestDocument>();
    return document ? toRequest(document) : undefined;
  }

  /** Newest first, at most 100. */
  async list(filter: RequestFilter): Promise<AccountRequest[]> {
    const query = Object.fromEntries(
      Object.entries(filter).filter(([, value]) => value !== undefined),
    );
    const documents = await this.requests
      .find(query)
      .sort({ requestedAt: -1, _id: 1 })
      .limit(REQUEST_LIST_LIMIT)
      .lean<AccountRequestDocument[]>();
    return documents.map(toRequest);
  }

  /**
   * Decides a request under its lock: `work` sees the request as stored (a second agent
   * waits, then sees it decided), may change other documents (devices, each under its own
   * lock), and returns the decision; the decision and its events are then one write.
   * Undefined when there is no such request.
   */
  async decide(
    requestId: string,
    work: (request: AccountRequest) => Promise<DecisionWrite>,
  ): Promise<AccountRequest | undefined> {
    const decided = await this.outbox.withLock(this.requests, requestId, async () => {
      const document = await this.requests.findById(requestId).lean<AccountRequestDocument>();
      if (!document) return undefined;
      const request = toRequest(document);
      const { decision, events } = await work(request);
      const status: RequestStatus = decision.decision;
      await this.requests
        .updateOne({ _id: requestId }, withOutbox({ $set: { status, decision } }, events))
        .exec();
      return { ...request, status, decision };
    });
    if (decided) this.outbox.nudge(this.requests);
    return decided;
  }
}
