import {
  createParamDecorator,
  ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import type { AgentPrincipal } from '../domain/agent';
import { AGENT_STRATEGY } from './agent.strategy';

/** 401 with an `Agent` challenge unless the request carries a valid, unrevoked agent credential. */
@Injectable()
export class AgentAuthGuard extends AuthGuard(AGENT_STRATEGY) {
  override handleRequest<T = AgentPrincipal>(
    error: unknown,
    agent: T | false,
    _info: unknown,
    context: ExecutionContext,
  ): T {
    if (error) throw error;
    if (!agent) {
      context
        .switchToHttp()
        .getResponse<Response>()
        .setHeader('WWW-Authenticate', 'Agent realm="telemetry"');
      throw new UnauthorizedException('missing, invalid or revoked agent credential');
    }
    return agent;
  }
}

/** The agent of an `AgentAuthGuard` handler. */
export const CurrentAgent = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AgentPrincipal => {
    const agent = context.switchToHttp().getRequest<Request & { user?: AgentPrincipal }>().user;
    if (!agent) throw new UnauthorizedException('this endpoint needs an agent credential');
    return agent;
  },
);
