import { AuditEntry } from '../admin/audit-types';

/** What staff did, in words: the known actions of the services, then a fallback. */
const ACTION_WORDS: Record<string, string> = {
  'order.placed': 'placed an order',
  'order.released': 'released a held order',
  'order.cancelled': 'cancelled an order',
  'ship-to.changed': 'changed the ship-to address',
  'device.added': 'added a machine',
  'device.removed': 'removed a machine',
  'supply-item.added': 'added a supply item',
  'supply-item.removed': 'removed a supply item',
  'dead-letter.replayed': 'replayed a dead-lettered message',
  'machines-request.approved': 'approved a request for more machines',
  'machines-request.declined': 'declined a request for more machines',
  'item-request.approved': 'approved a request for an unlisted item',
  'item-request.declined': 'declined a request for an unlisted item',
};

/** Filters of the admin page offer these. */
export const KNOWN_ACTIONS = Object.keys(ACTION_WORDS);

export function actionInWords(action: string): string {
  const known = ACTION_WORDS[action];
  if (known) return known;
  const [subject = action, verb = ''] = action.split('.');
  return `${verb.replace(/-/g, ' ')} ${subject.replace(/-/g, ' ')}`.trim();
}

/** `shippingMethod` → "Shipping method". */
export function fieldLabel(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as a person reads it: an address on one line, lists with commas, none as "—". */
export function valueInWords(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.map(valueInWords).join(', ');
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .filter((part) => part !== undefined && part !== null && part !== '')
      .map(valueInWords)
      .join(', ');
  }
  return String(value);
}

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

/** One line per field that the action set or changed; a field that stayed the same is left out. */
export function changesOf(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes: FieldChange[] = [];
  for (const name of names) {
    const was = name in before ? valueInWords(before[name]) : undefined;
    const now = name in after ? valueInWords(after[name]) : undefined;
    if (was !== undefined && was === now) continue;
    changes.push({ field: fieldLabel(name), before: was, after: now });
  }
  return changes;
}
