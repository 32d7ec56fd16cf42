// The address shape is shared with the services (a plain interface, no decorators).
export type { ShipTo } from '../../../../libs/contracts/src/reference';
