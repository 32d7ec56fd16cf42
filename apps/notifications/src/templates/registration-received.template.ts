import { EmailContent, renderEmail } from './email-layout';

export interface RegistrationReceivedInput {
  contactName: string;
  company: string;
  country: string;
  serials: readonly string[];
}

/** Sent as soon as a registration request is stored. */
export function registrationReceivedEmail(input: RegistrationReceivedInput): EmailContent {
  return renderEmail({
    subject: 'We received your registration request',
    greetingName: input.contactName,
    country: input.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `Thank you for registering ${input.company} for the Metered Supplies portal. We received your request for these device serial numbers:`,
      },
      { kind: 'list', items: [...input.serials] },
      {
        kind: 'paragraph',
        text:
          'What happens next: we check that each device is covered by an active Metered Supplies ' +
          'contract, and our registration team reviews your request. Once it is approved you ' +
          'receive a second email with a link to set your password and sign in.',
      },
    ],
  });
}
