import type { ProductFamily } from '@metered/contracts';

/** A device model of the vendor's Office or Production family. */
export interface DeviceModel {
  /** The vendor's model code, upper case, e.g. `LM-C3540`. */
  code: string;
  name: string;
  family: ProductFamily;
}
