import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy as PassportStrategyBase } from 'passport-strategy';
import type { AgentPrincipal } from '../domain/agent';
import { credentialFromAuthorization } from '../domain/agent-credential';
import { AgentAuthenticator } from './agent-authenticator';

export const AGENT_STRATEGY = 'telemetry-agent';

type Verify = (
  request: Request,
  done: (error: unknown, agent?: AgentPrincipal | false, info?: string) => void,
) => void;

/** A passport strategy for `Authorization: Agent <credential>`. */
class AgentCredentialStrategy extends PassportStrategyBase {
  name = AGENT_STRATEGY;

  constructor(private readonly verify: Verify) {
    super();
  }

  override authenticate(request: Request): void {
    this.verify(request, (error, agent, info) => {
      if (error) return this.error(error instanceof Error ? error : new Error(String(error)));
      if (!agent) return this.fail(info ?? 'invalid agent credential', 401);
      return this.success(agent);
    });
  }
}

/** Agents authenticate with their own credential, never a user's token or password. */
@Injectable()
export class AgentStrategy extends PassportStrategy(AgentCredentialStrategy, AGENT_STRATEGY) {
  constructor(private readonly authenticator: AgentAuthenticator) {
    super();
  }

  async validate(request: Request): Promise<AgentPrincipal | false> {
    const credential = credentialFromAuthorization(request.headers.authorization);
    return (await this.authenticator.authenticate(credential)) ?? false;
  }
}
