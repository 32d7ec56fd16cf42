import { Injectable, Logger } from '@nestjs/common';
import type { AgentPrincipal } from '../domain/agent';
import { parseCredential, secretMatches } from '../domain/agent-credential';
import { AgentsRepository } from '../persistence/agents.repository';

/** How often one replica records an agent's `lastSeenAt` at most. */
const LAST_SEEN_EVERY_MS = 60_000;

/**
 * Checks an agent's credential (HTTP `Authorization: Agent …` and the Kafka ingest's
 * `credential` header): the agent exists, is not revoked, and the secret matches its hash.
 * One read per check — a revocation holds from the next upload on, in every replica.
 */
@Injectable()
export class AgentAuthenticator {
  private readonly logger = new Logger(AgentAuthenticator.name);
  private readonly lastTouched = new Map<string, number>();

  constructor(private readonly agents: AgentsRepository) {}

  async authenticate(credential: string | undefined): Promise<AgentPrincipal | undefined> {
    const parsed = parseCredential(credential);
    if (!parsed) return undefined;
    const agent = await this.agents.findById(parsed.agentId);
    if (!agent || agent.revokedAt || !secretMatches(parsed.secret, agent.secretHash)) {
      return undefined;
    }
    this.seen(agent.agentId);
    return { agentId: agent.agentId, accountId: agent.accountId };
  }

  /** Many credentials at once (a Kafka batch): one read for all their agents. */
  async authenticateMany(credentials: ReadonlySet<string>): Promise<Map<string, AgentPrincipal>> {
    const parsed = new Map(
      [...credentials].flatMap((credential) => {
        const parts = parseCredential(credential);
        return parts ? [[credential, parts] as const] : [];
      }),
    );
    const agents = await this.agents.findByIds([
      ...new Set([...parsed.values()].map((parts) => parts.agentId)),
    ]);
    const byId = new Map(agents.map((agent) => [agent.agentId, agent]));
    const result = new Map<string, AgentPrincipal>();
    for (const [credential, parts] of parsed) {
      const agent = byId.get(parts.agentId);
      if (!agent || agent.revokedAt || !secretMatches(parts.secret, agent.secretHash)) continue;
      result.set(credential, { agentId: agent.agentId, accountId: agent.accountId });
      this.seen(agent.agentId);
    }
    return result;
  }

  /** `lastSeenAt` for the agents page, written in the background at most once a minute. */
  private seen(agentId: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(agentId) ?? 0) < LAST_SEEN_EVERY_MS) return;
    this.lastTouched.set(agentId, now);
    if (this.lastTouched.size > 10_000) this.lastTouched.clear();
    this.agents.touch(agentId, new Date(now)).catch((error: unknown) => {
      this.logger.warn(`could not record lastSeenAt of agent ${agentId}: ${String(error)}`);
    });
  }
}
