import { EmailContent, formatDuration, formatUtc, renderEmail } from './email-layout';

export interface LoginDetailsInput {
  contactName: string;
  company: string;
  email: string;
  country: string;
  setPasswordUrl: string;
  expiresAt: string;
  /** When the link was issued, to say how long it lives. */
  issuedAt: string;
}

/** The login details: a one-time set-password link — never a password. */
export function loginDetailsEmail(input: LoginDetailsInput): EmailContent {
  return renderEmail({
    subject: 'Your Metered Supplies login details',
    greetingName: input.contactName,
    country: input.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `Your Metered Supplies portal access for ${input.company} is ready. Your user name is your email address: ${input.email}.`,
      },
      {
        kind: 'paragraph',
        text: 'Choose your password with this link, then sign in to order supplies for your devices:',
      },
      { kind: 'link', label: 'Set your password', url: input.setPasswordUrl },
      {
        kind: 'paragraph',
        text: `The link works once and expires in ${formatDuration(input.issuedAt, input.expiresAt)} (${formatUtc(input.expiresAt)}). If it has expired, use "Forgot your password?" on the login page.`,
      },
    ],
  });
}
