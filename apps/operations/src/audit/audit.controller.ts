import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@metered/auth';
import { AuditService } from './audit.service';
import { AuditEntryView, AuditPageResponse } from './dto/audit-page.response';
import { ListAuditQuery } from './dto/list-audit.query';

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
    const page = await this.audit.list(filter, limit ?? 50, cursor);
    return {
      items: page.items.map((entry) => AuditEntryView.from(entry)),
      nextCursor: page.nextCursor,
    };
  }
}
