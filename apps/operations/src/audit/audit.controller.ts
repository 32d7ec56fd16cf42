import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@metered/auth';
import { InvalidInputError } from '@metered/service-kit';
import { AuditPage, AuditService } from './audit.service';
import { AuditEntryView, AuditPageResponse } from './dto/audit-page.response';
import { AccountHistoryQuery, ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'ops')
  @ApiOperation({
    summary: 'The audit trail: staff actions of every service, newest first (admin; ops read)',
  })
  @ApiOkResponse({ type: AuditPageResponse })
  async list(@Query() query: ListAuditQuery): Promise<AuditPageResponse> {
    const { limit, cursor, ...filter } = query;
    return toResponse(await this.audit.list(filter, limit ?? 50, cursor));
  }

  /**
   * The helpdesk answers a customer's "what did you change?": what staff did on one account.
   * Only that account's entries, never the whole trail (that stays with admins and ops).
   */
  @Get('accounts/:accountId')
  @Roles('helpdesk', 'admin')
  @ApiOperation({
    summary: "One account's history of staff actions, newest first (helpdesk, admin)",
  })
  @ApiOkResponse({ type: AuditPageResponse })
  async accountHistory(
    @Param('accountId') accountId: string,
    @Query() query: AccountHistoryQuery,
  ): Promise<AuditPageResponse> {
    if (!accountId.trim() || accountId.length > 64) {
      throw new InvalidInputError([{ field: 'accountId', reason: 'not an account id' }]);
    }
    return toResponse(await this.audit.list({ accountId }, query.limit ?? 50, query.cursor));
  }
}

function toResponse(page: AuditPage): AuditPageResponse {
  return {
    items: page.items.map((entry) => AuditEntryView.from(entry)),
    nextCursor: page.nextCursor,
  };
}
