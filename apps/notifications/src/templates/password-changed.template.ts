import { EmailContent, formatUtc, helpdeskLine, renderEmail } from './email-layout';

export interface PasswordChangedInput {
  contactName: string;
  email: string;
  country: string;
  changedAt: string;
}

/** After a reset link was used: the notice, and what to do if it was not the person. */
export function passwordChangedEmail(input: PasswordChangedInput): EmailContent {
  return renderEmail({
    subject: 'Your Metered Supplies password was changed',
    greetingName: input.contactName,
    country: input.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `The password of your Metered Supplies account (${input.email}) was changed on ${formatUtc(input.changedAt)} with a reset link sent to this address. Every device signed in to your account was signed out; sign in again with your new password.`,
      },
      {
        kind: 'paragraph',
        text: `If you did not change it, someone else may have access to your email. Use "Forgot your password?" on the login page to choose a new password straight away, and call the Supplies Helpdesk on ${helpdeskLine(input.country)} so we can check the orders placed on your account.`,
      },
    ],
  });
}
