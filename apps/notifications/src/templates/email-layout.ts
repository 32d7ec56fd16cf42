// The reference module alone: templates stay free of the event classes' decorators.
import { DEFAULT_COUNTRY_CODE, findCountry, formatPrompts } from '@metered/contracts/reference';

/** A rendered email: what the SMTP server receives. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Every template's name; the first part of an email's messageId. */
export const TEMPLATE_NAMES = [
  'registration-received',
  'serials-not-eligible',
  'registration-rejected',
  'login-details',
  'password-reset',
  'password-changed',
  'ship-to-changed',
  'order-placed',
  'order-held',
  'order-released',
  'order-cancelled',
  'order-shipped',
  'machines-request-received',
  'machines-request-decided',
  'supply-item-request-received',
  'supply-item-request-decided',
  'auto-order-placed',
  'supply-low',
  'device-silent',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** User input goes into HTML only through this. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** "1-800-275-9376 (prompts: 1, 3, 3)" for the recipient's country (US when unknown). */
export function helpdeskLine(countryCode: string): string {
  const country = findCountry(countryCode) ?? findCountry(DEFAULT_COUNTRY_CODE);
  if (!country) throw new Error(`no helpdesk contact for ${countryCode}`);
  return `${country.helpdesk.phone}${formatPrompts(country.helpdesk)}`;
}

/** "1 March 2026, 14:00 UTC": links expire at one instant wherever the reader is. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(date);
  return `${day}, ${time} UTC`;
}

/** "72 hours", "1 hour", "45 minutes": how long a link lives, from when it was issued. */
export function formatDuration(fromIso: string, toIso: string): string {
  const minutes = Math.max(1, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60000));
  if (minutes % 60 !== 0) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = minutes / 60;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** One piece of an email body, written once and rendered as text and as HTML. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'link'; label: string; url: string };

export interface EmailParts {
  subject: string;
  greetingName: string;
  blocks: Block[];
  country: string;
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map((item) => `  - ${item}`).join('\n');
    case 'link':
      return `${block.label}:\n${block.url}`;
  }
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'link':
      return `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></p>`;
  }
}

/**
 * The frame every email shares: greeting, body, and the country's Supplies Helpdesk
 * number — the one contact customers are told to use for anything the portal cannot do.
 */
export function renderEmail(parts: EmailParts): EmailContent {
  const helpdesk = `Questions? Call the Supplies Helpdesk: ${helpdeskLine(parts.country)}.`;
  const signature = 'Metered Supplies';
  const greeting = `Dear ${parts.greetingName},`;
  const text = [greeting, ...parts.blocks.map(blockText), helpdesk, signature].join('\n\n');
  const html = [
    '<!DOCTYPE html><html><body style="font-family: Arial, sans-serif; color: #222">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...parts.blocks.map(blockHtml),
    `<p style="color: #555">${escapeHtml(helpdesk)}</p>`,
    `<p>${signature}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: parts.subject, text: `${text}\n`, html };
}
