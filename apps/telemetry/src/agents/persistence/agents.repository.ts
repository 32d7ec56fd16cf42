import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox, OutgoingEvent, WITHOUT_OUTBOX_FIELDS } from '@metered/event-platform';
import type { Agent } from '../domain/agent';
import { AGENT_MODEL } from './agent.schema';

interface AgentDocument extends Omit<Agent, 'agentId'> {
  _id: string;
}

function toAgent({ _id, ...rest }: AgentDocument): Agent {
  return { agentId: _id, ...rest };
}

@Injectable()
export class AgentsRepository {
  constructor(
    @InjectModel(AGENT_MODEL) private readonly model: Model<AgentDocument>,
    private readonly outbox: EventOutbox,
  ) {}

  async create(agent: Agent, events: readonly OutgoingEvent[]): Promise<void> {
    const { agentId, ...rest } = agent;
    await this.outbox.insert(this.model, { _id: agentId, ...rest }, events);
  }

  async findById(agentId: string): Promise<Agent | null> {
    const document = await this.model
      .findById(agentId, WITHOUT_OUTBOX_FIELDS)
      .lean<AgentDocument>()
      .exec();
    return document ? toAgent(document) : null;
  }

  /** Several agents in one query (a Kafka batch from many agents). */
  async findByIds(agentIds: readonly string[]): Promise<Agent[]> {
    if (agentIds.length === 0) return [];
    const documents = await this.model
      .find({ _id: { $in: [...agentIds] } }, WITHOUT_OUTBOX_FIELDS)
      .lean<AgentDocument[]>()
      .exec();
    return documents.map(toAgent);
  }

  async listByAccount(accountId: string): Promise<Agent[]> {
    const documents = await this.model
      .find({ accountId }, WITHOUT_OUTBOX_FIELDS)
      .lean<AgentDocument[]>()
      .exec();
    return documents.map(toAgent).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Marks the agent revoked (once); false when it was already revoked. */
  async revoke(agentId: string, at: Date, events: readonly OutgoingEvent[]): Promise<boolean> {
    return this.outbox.update(
      this.model,
      { _id: agentId, revokedAt: { $exists: false } },
      { $set: { revokedAt: at } },
      events,
    );
  }

  /** Records when the agent last uploaded (called at most once a minute per agent and replica). */
  async touch(agentId: string, at: Date): Promise<void> {
    await this.outbox.withLock(this.model, agentId, () =>
      this.model.updateOne({ _id: agentId }, { $set: { lastSeenAt: at } }).exec(),
    );
  }
}
