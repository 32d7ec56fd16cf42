import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CONTRACT_STATUSES,
  ContractStatus,
  COUNTRY_CODES,
  PRODUCT_FAMILIES,
  ProductFamily,
  REORDER_NUMBER_PATTERN,
  SERIAL_NUMBER_PATTERN,
  SUPPLY_KINDS,
} from '@metered/contracts';
import { MODEL_CODE_PATTERN } from '../../device-models/domain/device-model';
import type { SupplyKind } from '../../supply-items/domain/supply-item';
import {
  IntegerFromText,
  LowerCased,
  Trimmed,
  UpperCased,
  UpperCasedList,
} from '../../common/normalise.transforms';

/** A contract id, e.g. `MS-2025-000123`. */
export const CONTRACT_ID_PATTERN = /^[A-Z0-9][A-Z0-9._-]{2,59}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class DeviceModelRow {
  @UpperCased()
  @Matches(MODEL_CODE_PATTERN, { message: 'code must be 2-40 letters, digits or dashes' })
  code: string;

  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @LowerCased()
  @IsIn(PRODUCT_FAMILIES)
  family: ProductFamily;
}

export class SupplyItemRow {
  @UpperCased()
  @Matches(REORDER_NUMBER_PATTERN, {
    message:
      'reorderNumber must be 3-20 letters, digits or dashes, starting with a letter or digit',
  })
  reorderNumber: string;

  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description: string;

  @LowerCased()
  @IsIn(SUPPLY_KINDS)
  kind: SupplyKind;

  @IntegerFromText()
  @IsInt()
  @Min(1)
  @Max(1000)
  bottlesPerCarton: number;

  /** Model codes; in CSV one cell separated by `|`. */
  @UpperCasedList()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(MODEL_CODE_PATTERN, {
    each: true,
    message: 'each compatible model must be a model code',
  })
  compatibleModels: string[];
}

export class DeviceRow {
  @UpperCased()
  @Matches(SERIAL_NUMBER_PATTERN, { message: 'serial must be 8-15 letters and digits' })
  serial: string;

  @UpperCased()
  @Matches(MODEL_CODE_PATTERN, { message: 'modelCode must be a model code' })
  modelCode: string;

  @UpperCased()
  @IsIn(COUNTRY_CODES)
  country: string;
}

export class ContractRow {
  @UpperCased()
  @Matches(CONTRACT_ID_PATTERN, {
    message: 'contractId must be 3-60 letters, digits, dots, dashes or underscores',
  })
  contractId: string;

  @UpperCased()
  @Matches(SERIAL_NUMBER_PATTERN, { message: 'serial must be 8-15 letters and digits' })
  serial: string;

  @LowerCased()
  @IsIn(CONTRACT_STATUSES)
  status: ContractStatus;

  @Trimmed()
  @Matches(DAY, { message: 'startsOn must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a real calendar day' })
  startsOn: string;

  @Trimmed()
  @Matches(DAY, { message: 'endsOn must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endsOn must be a real calendar day' })
  endsOn: string;
}
