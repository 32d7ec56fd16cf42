import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { AgentsService } from './agents.service';
import {
  AgentAccountQueryDto,
  AgentListDto,
  CreateAgentDto,
  CreatedAgentDto,
} from './dto/agent.dto';

@ApiTags('telemetry')
@Controller('telemetry/agents')
@Roles('customer', 'helpdesk', 'admin')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Post()
  @ApiOperation({
    summary: 'Issue a data collection agent credential (customers: own account; helpdesk: any)',
  })
  @ApiCreatedResponse({ type: CreatedAgentDto, description: 'The credential is shown only now' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateAgentDto) {
    return this.agents.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: "The account's agents (never their credentials)" })
  @ApiOkResponse({ type: AgentListDto })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AgentAccountQueryDto,
  ): Promise<AgentListDto> {
    return { items: await this.agents.list(user, query.accountId) };
  }

  @Delete(':agentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an agent: its uploads are refused with 401 from now on' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ description: 'No such agent — or not yours' })
  @ApiParam({ name: 'agentId', format: 'uuid' })
  async revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('agentId', new ParseUUIDPipe()) agentId: string,
  ): Promise<void> {
    await this.agents.revoke(user, agentId);
  }
}
