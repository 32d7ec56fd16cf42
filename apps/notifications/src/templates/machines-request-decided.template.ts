import type { RequestDecision } from '@metered/contracts';
import { Block, EmailContent, renderEmail } from './email-layout';

export interface MachinesRequestDecidedInput {
  /** The requester's name (or "<company> team" when it is not known). */
  greetingName: string;
  company: string;
  country: string;
  decision: RequestDecision;
  approvedSerials: readonly string[];
  /** Why it was declined, or the helpdesk's note. */
  reason?: string;
}

/** Sent when the helpdesk approved (some of) the machines, or declined the request. */
export function machinesRequestDecidedEmail(input: MachinesRequestDecidedInput): EmailContent {
  const approved = input.decision === 'approved';
  const blocks: Block[] = approved
    ? [
        {
          kind: 'paragraph',
          text: `Your request to add machines to the account of ${input.company} was approved. These machines are now on your account, and you can order supplies for them on the Order Supplies page:`,
        },
        { kind: 'list', items: [...input.approvedSerials] },
      ]
    : [
        {
          kind: 'paragraph',
          text: `We are sorry: your request to add machines to the account of ${input.company} was declined.`,
        },
      ];
  if (input.reason) {
    blocks.push({ kind: 'paragraph', text: `${approved ? 'Note' : 'Reason'}: ${input.reason}` });
  }
  return renderEmail({
    subject: approved
      ? 'Your request to add machines was approved'
      : 'Your request to add machines was declined',
    greetingName: input.greetingName,
    country: input.country,
    blocks,
  });
}
