import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { REORDER_NUMBER_PATTERN } from '../../reference/identifiers';

export const PRODUCT_FAMILIES = ['office', 'production'] as const;
export type ProductFamily = (typeof PRODUCT_FAMILIES)[number];

export const CONTRACT_STATUSES = ['active', 'suspended', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const SUPPLY_KINDS = [
  'toner',
  'ink',
  'drum',
  'developer',
  'fuser',
  'waste-container',
  'staples',
  'other',
] as const;

/** A device model as the registry knows it. */
export class DeviceModelSummary {
  /** The vendor's model code, e.g. `VL-C405`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @IsIn(PRODUCT_FAMILIES)
  family: ProductFamily;
}

/**
 * A Metered Supplies contract. It covers a device on a day when `status` is `active` and
 * the day lies within [startsOn, endsOn].
 */
export class ContractSummary {
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  contractId: string;

  @IsIn(CONTRACT_STATUSES)
  status: ContractStatus;

  /** First day covered (YYYY-MM-DD). */
  @IsISO8601({ strict: true })
  startsOn: string;

  /** Last day covered (YYYY-MM-DD). */
  @IsISO8601({ strict: true })
  endsOn: string;
}

/** A supply item a device can be ordered for. */
export class SupplyItemSummary {
  @Matches(REORDER_NUMBER_PATTERN)
  reorderNumber: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description: string;

  @IsIn(SUPPLY_KINDS)
  kind: (typeof SUPPLY_KINDS)[number];

  /** How many bottles (or units) one full carton holds. */
  @IsInt()
  @Min(1)
  bottlesPerCarton: number;
}

/** Nested-class helpers so payloads can say `@ValidateNested() @Type(() => X)` in one place. */
export function nested<T>(cls: () => new () => T): PropertyDecorator {
  const validate = ValidateNested();
  const type = Type(cls);
  return (target, key) => {
    validate(target, key);
    type(target, key);
  };
}

export function optionalNested<T>(cls: () => new () => T): PropertyDecorator {
  const optional = IsOptional();
  const inner = nested(cls);
  return (target, key) => {
    optional(target, key);
    inner(target, key);
  };
}
