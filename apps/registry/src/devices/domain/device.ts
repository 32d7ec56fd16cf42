import type { Contract } from '../../contracts/domain/contract';
import type { SupplyItemAdjustments } from './device-supply-items';

/**
 * A physical device known by its serial. Its contracts live with it: a contract change and
 * the `ContractChanged` event it causes are then one single-document write (see README).
 */
export interface Device extends SupplyItemAdjustments {
  serial: string;
  modelCode: string;
  /** ISO 3166-1 alpha-2 country the device is installed in. */
  country: string;
  /** The customer account it belongs to, once a registration (or the helpdesk) linked it. */
  accountId?: string;
  linkedAt?: Date;
  contracts: Contract[];
}
