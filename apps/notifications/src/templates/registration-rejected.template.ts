import { EmailContent, renderEmail } from './email-layout';

export interface RegistrationRejectedInput {
  contactName: string;
  company: string;
  country: string;
  /** The validator's reason, shown as written. */
  reason: string;
}

export function registrationRejectedEmail(input: RegistrationRejectedInput): EmailContent {
  return renderEmail({
    subject: 'Your Metered Supplies registration was not approved',
    greetingName: input.contactName,
    country: input.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `We are sorry: the registration of ${input.company} for the Metered Supplies portal was not approved.`,
      },
      { kind: 'paragraph', text: `Reason: ${input.reason}` },
      {
        kind: 'paragraph',
        text: 'If you think this is a mistake, call the Supplies Helpdesk or register again with the corrected details.',
      },
    ],
  });
}
