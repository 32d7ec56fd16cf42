import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { DeadLettersService } from './dead-letters.service';
import { DeadLetterListResponse, DeadLetterView } from './dto/dead-letter.response';
import { ListDeadLettersQuery } from './dto/list-dead-letters.query';

@ApiTags('dead-letters')
@ApiBearerAuth()
@Controller('dead-letters')
export class DeadLettersController {
  constructor(@Inject(DeadLettersService) private readonly deadLetters: DeadLettersService) {}

  @Get()
  @Roles('ops', 'admin')
  @ApiOperation({ summary: 'Messages a service could not process, with the error (ops, admin)' })
  @ApiOkResponse({ type: DeadLetterListResponse })
  async list(@Query() query: ListDeadLettersQuery): Promise<DeadLetterListResponse> {
    const letters = await this.deadLetters.list(
      { status: query.status, topic: query.topic },
      query.limit ?? 50,
    );
    return { items: letters.map((letter) => DeadLetterView.from(letter)) };
  }

  @Post(':id/replay')
  @HttpCode(200)
  @Roles('ops', 'admin')
  @ApiOperation({
    summary:
      'Re-publish the original message to its original topic (same key, value, headers + ' +
      'x-replayed-by, x-replay-of); audited as dead-letter.replayed',
  })
  @ApiOkResponse({ type: DeadLetterView })
  @ApiNotFoundResponse({ description: 'No such dead letter' })
  @ApiConflictResponse({ description: 'Already replayed (or truncated / origin unknown)' })
  async replay(
    @Param('id') id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DeadLetterView> {
    return DeadLetterView.from(await this.deadLetters.replay(id, user));
  }
}
