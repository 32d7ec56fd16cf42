import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@metered/auth';
import { EmailLogItem, EmailLogResponse } from './dto/email-log.response';
import { ListEmailsQuery } from './dto/list-emails.query';
import { EmailsService } from './emails.service';

@ApiTags('emails')
@Controller('emails')
export class EmailsController {
  constructor(@Inject(EmailsService) private readonly emails: EmailsService) {}

  @Get()
  @Roles('ops', 'admin')
  @ApiOperation({
    summary: 'Delivery log: what was emailed to whom, and what is still queued or failed',
  })
  @ApiOkResponse({ type: EmailLogResponse })
  async list(@Query() query: ListEmailsQuery): Promise<EmailLogResponse> {
    const entries = await this.emails.list(query);
    return { items: entries.map((entry) => EmailLogItem.from(entry)) };
  }
}
