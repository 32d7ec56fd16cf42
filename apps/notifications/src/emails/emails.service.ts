import { Inject, Injectable } from '@nestjs/common';
import { EmailLogEntry } from './domain/email';
import { ListEmailsQuery } from './dto/list-emails.query';
import { EmailsRepository } from './persistence/emails.repository';

const DEFAULT_LIMIT = 50;

@Injectable()
export class EmailsService {
  constructor(@Inject(EmailsRepository) private readonly emails: EmailsRepository) {}

  list(query: ListEmailsQuery): Promise<EmailLogEntry[]> {
    return this.emails.list(
      { to: query.to?.toLowerCase(), template: query.template, status: query.status },
      query.limit ?? DEFAULT_LIMIT,
    );
  }
}
