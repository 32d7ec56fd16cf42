import { Block, EmailContent, formatDuration, formatUtc, renderEmail } from './email-layout';

export interface LoginDetailsInput {
  contactName: string;
  company: string;
  email: string;
  country: string;
  setPasswordUrl: string;
  expiresAt: string;
  /** When the link was issued, to say how long it lives. */
  issuedAt: string;
  /** A registration's first user: what the approval linked, and what it left out and why. */
  approvedSerials?: readonly string[];
  notApprovedSerials?: readonly { serial: string; reason: string }[];
}

/** Which of the registration's serials the approval linked, and which not (absent for staff). */
function serialBlocks(input: LoginDetailsInput): Block[] {
  const blocks: Block[] = [];
  const approved = input.approvedSerials ?? [];
  const refused = input.notApprovedSerials ?? [];
  if (approved.length > 0) {
    blocks.push(
      {
        kind: 'paragraph',
        text: `Approved — you can order supplies for these machines (${approved.length}):`,
      },
      { kind: 'list', items: [...approved] },
    );
  }
  if (refused.length > 0) {
    blocks.push(
      { kind: 'paragraph', text: `Not approved (${refused.length}):` },
      { kind: 'list', items: refused.map(({ serial, reason }) => `${serial}: ${reason}`) },
      {
        kind: 'paragraph',
        text: 'To add them later, use "Add machines" in the portal once the reason is solved, or call the Supplies Helpdesk.',
      },
    );
  }
  return blocks;
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
      ...serialBlocks(input),
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
