import { EmailContent, formatDuration, formatUtc, renderEmail } from './email-layout';

export interface PasswordResetInput {
  contactName: string;
  country: string;
  resetUrl: string;
  expiresAt: string;
  issuedAt: string;
}

export function passwordResetEmail(input: PasswordResetInput): EmailContent {
  return renderEmail({
    subject: 'Reset your Metered Supplies password',
    greetingName: input.contactName,
    country: input.country,
    blocks: [
      {
        kind: 'paragraph',
        text: 'We received a request to reset the password of your Metered Supplies account. Choose a new password with this link:',
      },
      { kind: 'link', label: 'Reset your password', url: input.resetUrl },
      {
        kind: 'paragraph',
        text: `The link works once and expires in ${formatDuration(input.issuedAt, input.expiresAt)} (${formatUtc(input.expiresAt)}).`,
      },
      {
        kind: 'paragraph',
        text: 'If you did not ask for this, ignore this email: your password stays as it is.',
      },
    ],
  });
}
