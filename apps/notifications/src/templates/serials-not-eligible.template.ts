import type { SerialCheckOutcome } from '@metered/contracts';
import { Block, EmailContent, renderEmail } from './email-layout';

export interface FailedSerial {
  serial: string;
  outcome: SerialCheckOutcome;
  /** The registry's explanation for this serial. */
  message: string;
}

export interface SerialsNotEligibleInput {
  contactName: string;
  country: string;
  failed: readonly FailedSerial[];
  /** How many serials of the request passed every check. */
  eligibleCount: number;
}

/** How each check outcome reads in an email (also used for add-machine requests). */
export const OUTCOME_LABELS: Record<SerialCheckOutcome, string> = {
  eligible: 'eligible',
  'unknown-serial': 'unknown serial number',
  'no-active-contract': 'no active Metered Supplies contract',
  'already-registered': 'already registered to another account',
  'other-country': 'registered in another country',
};

/** Where supplies for a device without a contract come from. */
export const NO_CONTRACT_ADVICE: Block = {
  kind: 'paragraph',
  text:
    'Devices without an active Metered Supplies contract cannot be ordered for here: please ' +
    "buy their supplies from the vendor's online store or from an authorised partner.",
};

/** Sent when the automatic checks find serials that cannot be registered. */
export function serialsNotEligibleEmail(input: SerialsNotEligibleInput): EmailContent {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'We checked the device serial numbers of your registration request. These cannot be registered:',
    },
    {
      kind: 'list',
      items: input.failed.map(
        (result) => `${result.serial}: ${OUTCOME_LABELS[result.outcome]} — ${result.message}`,
      ),
    },
  ];
  if (input.failed.some((result) => result.outcome === 'no-active-contract')) {
    blocks.push(NO_CONTRACT_ADVICE);
  }
  blocks.push({
    kind: 'paragraph',
    text:
      input.eligibleCount > 0
        ? `The other ${input.eligibleCount === 1 ? 'serial number passed' : `${input.eligibleCount} serial numbers passed`} the checks; our registration team reviews your request and emails you the outcome.`
        : 'None of the serial numbers passed the checks; our registration team reviews your request and emails you the outcome.',
  });
  return renderEmail({
    subject: 'Some serial numbers of your registration could not be accepted',
    greetingName: input.contactName,
    country: input.country,
    blocks,
  });
}
