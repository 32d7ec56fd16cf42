import type { OrderRowSnapshot } from '@metered/contracts';

/** Two order rows (one full carton onsite, loose bottles onsite) for template specs and suites. */
export const SAMPLE_ORDER_ROWS: OrderRowSnapshot[] = [
  {
    reorderNumber: '106R03500',
    description: 'Black toner cartridge',
    kind: 'toner',
    bottlesPerCarton: 1,
    fullCartonsOnsite: 1,
    bottlesOnsite: 0,
    quantity: 2,
  },
  {
    reorderNumber: '106R03501',
    description: 'Cyan toner cartridge',
    kind: 'toner',
    bottlesPerCarton: 4,
    fullCartonsOnsite: 0,
    bottlesOnsite: 3,
    quantity: 1,
  },
];
