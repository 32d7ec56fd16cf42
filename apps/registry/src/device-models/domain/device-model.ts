import type { ProductFamily } from '@metered/contracts';

/** A device model of the vendor's Office or Production family. */
export interface DeviceModel {
  /** The vendor's model code, upper case, e.g. `LM-C3540`. */
  code: string;
  name: string;
  family: ProductFamily;
}

/** A model code: letters, digits and dashes, e.g. `LM-C3540`. */
export const MODEL_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
