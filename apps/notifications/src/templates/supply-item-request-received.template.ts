import { Block, EmailContent, renderEmail } from './email-layout';

export interface SupplyItemRequestReceivedInput {
  /** The requester's name (or "<company> team" when it is not known). */
  greetingName: string;
  company: string;
  country: string;
  serial: string;
  reorderNumber: string;
  note?: string;
}

/** Sent when a customer asks for a supply item that is not in a serial's list. */
export function supplyItemRequestReceivedEmail(
  input: SupplyItemRequestReceivedInput,
): EmailContent {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `We received your request to add supply item ${input.reorderNumber} for the machine with serial number ${input.serial} (${input.company}).`,
    },
  ];
  if (input.note) blocks.push({ kind: 'paragraph', text: `Your note: ${input.note}` });
  blocks.push({
    kind: 'paragraph',
    text: 'What happens next: the Supplies Helpdesk checks that the item fits this machine and emails you the outcome. Once added, it appears in the list of the Order Supplies page.',
  });
  return renderEmail({
    subject: `We received your request for supply item ${input.reorderNumber}`,
    greetingName: input.greetingName,
    country: input.country,
    blocks,
  });
}
