import type { SerialCheckOutcome } from '@metered/contracts';
import { Block, EmailContent, renderEmail } from './email-layout';
import { NO_CONTRACT_ADVICE, OUTCOME_LABELS } from './serials-not-eligible.template';

export interface MachinesRequestReceivedInput {
  /** The requester's name (or "<company> team" when it is not known). */
  greetingName: string;
  company: string;
  country: string;
  proofSerial: string;
  /** The registry's automatic check of each requested serial. */
  checks: readonly { serial: string; outcome: SerialCheckOutcome; message: string }[];
}

/** Sent when a customer asks to add machines: each serial's check, then the helpdesk decides. */
export function machinesRequestReceivedEmail(input: MachinesRequestReceivedInput): EmailContent {
  const eligible = input.checks.filter((check) => check.outcome === 'eligible').length;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `We received your request to add machines to the Metered Supplies account of ${input.company} (confirmed with serial number ${input.proofSerial}). Our automatic checks found:`,
    },
    {
      kind: 'list',
      items: input.checks.map((check) =>
        check.outcome === 'eligible'
          ? `${check.serial}: eligible`
          : `${check.serial}: ${OUTCOME_LABELS[check.outcome]} — ${check.message}`,
      ),
    },
  ];
  if (input.checks.some((check) => check.outcome === 'no-active-contract')) {
    blocks.push(NO_CONTRACT_ADVICE);
  }
  blocks.push({
    kind: 'paragraph',
    text:
      eligible > 0
        ? 'What happens next: the Supplies Helpdesk reviews your request and emails you the outcome. Approved machines then appear on the Order Supplies page.'
        : 'None of the serial numbers passed the checks, so none of them can be added; the Supplies Helpdesk still reviews your request and emails you the outcome.',
  });
  return renderEmail({
    subject: 'We received your request to add machines',
    greetingName: input.greetingName,
    country: input.country,
    blocks,
  });
}
