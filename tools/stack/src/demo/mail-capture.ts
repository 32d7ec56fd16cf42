import { pollUntil } from './gateway-client';

/** One captured email as Mailpit's API describes it. */
export interface CapturedMail {
  id: string;
  subject: string;
  to: string[];
  text: string;
  html: string;
}

interface MailpitSummary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
  Created: string;
}

/**
 * Reads what the SMTP capture (Mailpit) received, over its HTTP API: the demo loader takes
 * set-password links from it, and the tests read what a person would find in their inbox.
 */
export class MailCapture {
  constructor(readonly baseUrl: string) {}

  /** Every message to `address` (newest first), with bodies. */
  async messagesTo(address: string): Promise<CapturedMail[]> {
    const query = encodeURIComponent(`to:"${address}"`);
    const response = await fetch(`${this.baseUrl}/api/v1/search?query=${query}&limit=50`, {
      signal: AbortSignal.timeout(10000),
    });
    if (!response.ok) throw new Error(`mail capture search answered ${response.status}`);
    const { messages } = (await response.json()) as { messages: MailpitSummary[] | null };
    const summaries = (messages ?? []).filter((message) =>
      message.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()),
    );
    return Promise.all(summaries.map((summary) => this.message(summary.ID)));
  }

  async message(id: string): Promise<CapturedMail> {
    const response = await fetch(`${this.baseUrl}/api/v1/message/${id}`, {
      signal: AbortSignal.timeout(10000),
    });
    if (!response.ok) throw new Error(`mail capture message ${id} answered ${response.status}`);
    const message = (await response.json()) as {
      ID: string;
      Subject: string;
      To: { Address: string }[];
      Text: string;
      HTML: string;
    };
    return {
      id: message.ID,
      subject: message.Subject,
      to: message.To.map((to) => to.Address),
      text: message.Text ?? '',
      html: message.HTML ?? '',
    };
  }

  /** Waits for a message to `address` whose subject matches; throws when none comes in time. */
  waitFor(address: string, subject: RegExp, timeoutMs = 30000): Promise<CapturedMail> {
    return this.waitForMatching(
      address,
      (mail) => subject.test(mail.subject),
      `a subject like ${subject}`,
      timeoutMs,
    );
  }

  /** Waits for a message to `address` that passes `matches`; throws when none comes in time. */
  async waitForMatching(
    address: string,
    matches: (mail: CapturedMail) => boolean,
    description = 'the expected content',
    timeoutMs = 30000,
  ): Promise<CapturedMail> {
    const found = await pollUntil(
      async () => (await this.messagesTo(address)).find(matches),
      (mail) => mail !== undefined,
      { timeoutMs, intervalMs: 500 },
    );
    if (!found) throw new Error(`no email to ${address} with ${description} arrived`);
    return found;
  }
}

/** The first link in an email's text that points at `pathname` (e.g. /set-password). */
export function linkIn(mail: CapturedMail, pathname: string): string {
  const pattern = new RegExp(
    `https?://[^\\s"'<>]+${pathname.replace(/\//g, '\\/')}[?#]token=[A-Za-z0-9_\\-.%]+`,
  );
  const match = pattern.exec(mail.text) ?? pattern.exec(mail.html);
  if (!match) throw new Error(`no ${pathname} link in "${mail.subject}" to ${mail.to.join(', ')}`);
  return match[0];
}

/** The token of a link: in its fragment (`#token=`), or in the query of an older link. */
export function tokenOf(link: string): string {
  const url = new URL(link);
  const token =
    new URLSearchParams(url.hash.slice(1)).get('token') ?? url.searchParams.get('token');
  if (!token) throw new Error(`link ${link} has no token`);
  return token;
}
