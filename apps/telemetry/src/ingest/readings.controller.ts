import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { InvalidInputError } from '@metered/service-kit';
import { AgentAuthGuard, CurrentAgent } from '../agents/auth/agent-auth.guard';
import type { AgentPrincipal } from '../agents/domain/agent';
import { batchProblems } from './domain/batch-shape';
import { ReadingBatchBodyDto, UploadResultDto } from './dto/upload-result.dto';
import { IngestService } from './ingest.service';

/** Where data collection agents upload readings. */
@ApiTags('telemetry')
@Controller('telemetry/readings')
export class ReadingsController {
  constructor(private readonly ingest: IngestService) {}

  @Post()
  @HttpCode(200)
  @UseGuards(AgentAuthGuard)
  @ApiOperation({
    summary: 'Upload a batch of readings (agents: Authorization: Agent <credential>)',
    description:
      'Each reading is accepted, a duplicate of one already stored (no second effect), or ' +
      'refused alone with the field and the reason; nothing else in the batch is lost.',
  })
  @ApiHeader({ name: 'Authorization', description: 'Agent <credential>', required: true })
  @ApiBody({ type: ReadingBatchBodyDto })
  @ApiOkResponse({ type: UploadResultDto })
  @ApiBadRequestResponse({
    description: 'Not a batch: no readings array, too many, another agentId',
  })
  @ApiUnauthorizedResponse({ description: 'Missing, invalid or revoked agent credential' })
  async upload(
    @CurrentAgent() agent: AgentPrincipal,
    @Req() request: Request,
  ): Promise<UploadResultDto> {
    // The body is read by hand, not through a DTO: one bad reading must not refuse the batch.
    const body: unknown = request.body;
    const problems = batchProblems(body, agent.agentId);
    if (problems.length > 0) throw new InvalidInputError(problems);
    const [outcome] = await this.ingest.ingest([
      { agent, readings: (body as { readings: unknown[] }).readings },
    ]);
    return outcome;
  }
}
