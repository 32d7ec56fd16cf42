import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import { EventOutbox } from '@metered/event-platform';
import { NotFoundError } from '@metered/service-kit';
import { accountOfRequest, isAccountStaff } from '../common/account-access';
import { staffActionEvents } from '../common/staff-action';
import type { Agent } from './domain/agent';
import { issueCredential } from './domain/agent-credential';
import type { AgentDto, CreateAgentDto, CreatedAgentDto } from './dto/agent.dto';
import { AgentsRepository } from './persistence/agents.repository';

export function toAgentDto(agent: Agent): AgentDto {
  return {
    agentId: agent.agentId,
    accountId: agent.accountId,
    name: agent.name,
    createdAt: agent.createdAt.toISOString(),
    ...(agent.lastSeenAt ? { lastSeenAt: agent.lastSeenAt.toISOString() } : {}),
    ...(agent.revokedAt ? { revokedAt: agent.revokedAt.toISOString() } : {}),
  };
}

/** Agents' credentials: issued to an account's users and the helpdesk, revocable. */
@Injectable()
export class AgentsService {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async create(user: AuthenticatedUser, body: CreateAgentDto): Promise<CreatedAgentDto> {
    const accountId = accountOfRequest(user, body.accountId);
    const agentId = randomUUID();
    const { credential, secretHash } = issueCredential(agentId);
    const agent: Agent = {
      agentId,
      accountId,
      name: body.name.trim(),
      secretHash,
      createdAt: new Date(),
    };
    const audit = staffActionEvents(this.outbox, user, {
      action: 'agent.created',
      subject: { type: 'agent', id: agentId },
      accountId,
      after: { name: agent.name },
      at: agent.createdAt,
    });
    await this.agents.create(agent, audit);
    return { ...toAgentDto(agent), credential };
  }

  async list(user: AuthenticatedUser, requested: string | undefined): Promise<AgentDto[]> {
    const accountId = accountOfRequest(user, requested);
    return (await this.agents.listByAccount(accountId)).map(toAgentDto);
  }

  /** Revokes the agent: its credential is refused (401) from now on. Revoking twice is fine. */
  async revoke(user: AuthenticatedUser, agentId: string): Promise<void> {
    const agent = await this.agents.findById(agentId);
    if (!agent || !(isAccountStaff(user) || agent.accountId === user.accountId)) {
      throw new NotFoundError('agent not found');
    }
    if (agent.revokedAt) return;
    const at = new Date();
    const audit = staffActionEvents(this.outbox, user, {
      action: 'agent.revoked',
      subject: { type: 'agent', id: agentId },
      accountId: agent.accountId,
      before: { name: agent.name },
      at,
    });
    await this.agents.revoke(agentId, at, audit);
  }
}
