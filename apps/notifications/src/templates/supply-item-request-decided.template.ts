import type { RequestDecision } from '@metered/contracts';
import { Block, EmailContent, renderEmail } from './email-layout';

export interface SupplyItemRequestDecidedInput {
  /** The requester's name (or "<company> team" when it is not known). */
  greetingName: string;
  company: string;
  country: string;
  serial: string;
  reorderNumber: string;
  decision: RequestDecision;
  /** The item as added (when approved). */
  description?: string;
  reason?: string;
}

/** Sent when the helpdesk added the requested item to the serial, or declined. */
export function supplyItemRequestDecidedEmail(input: SupplyItemRequestDecidedInput): EmailContent {
  const approved = input.decision === 'approved';
  const item = input.description
    ? `${input.reorderNumber} (${input.description})`
    : input.reorderNumber;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: approved
        ? `Supply item ${item} was added for the machine with serial number ${input.serial}. It now appears in the list of the Order Supplies page, and you can order it for this machine.`
        : `We are sorry: supply item ${item} cannot be added for the machine with serial number ${input.serial}.`,
    },
  ];
  if (input.reason) {
    blocks.push({ kind: 'paragraph', text: `${approved ? 'Note' : 'Reason'}: ${input.reason}` });
  }
  return renderEmail({
    subject: approved
      ? `Supply item ${input.reorderNumber} was added for serial ${input.serial}`
      : `Your request for supply item ${input.reorderNumber} was declined`,
    greetingName: input.greetingName,
    country: input.country,
    blocks,
  });
}
