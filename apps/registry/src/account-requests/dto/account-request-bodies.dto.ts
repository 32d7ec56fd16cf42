import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { REORDER_NUMBER_PATTERN, SERIAL_NUMBER_PATTERN } from '@metered/contracts';
import { Trimmed, UpperCased } from '../../common/normalise.transforms';
import {
  MAX_REQUESTED_SERIALS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  RequestKind,
  RequestStatus,
} from '../domain/account-request';
import { MultiLine, upperCasedInputPattern } from '@metered/service-kit';

const SERIAL_MESSAGE = 'must be 8–15 letters and digits';
/** A serial as a client may send it in a list (trimmed and upper-cased before the check). */
const SERIAL_ITEM = { type: 'string', pattern: upperCasedInputPattern(SERIAL_NUMBER_PATTERN) };

/** Serials as typed: trimmed, upper-cased, each once. */
function SerialList(): PropertyDecorator {
  return Transform(({ value }) =>
    Array.isArray(value)
      ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)))]
      : value,
  );
}

export class MachinesRequestBodyDto {
  @ApiProperty({
    example: 'E72345A6N1',
    description: 'A serial of your account with a current contract, as proof',
  })
  @UpperCased()
  @Matches(SERIAL_NUMBER_PATTERN, { message: `proofSerial ${SERIAL_MESSAGE}` })
  proofSerial: string;

  @ApiProperty({
    type: 'array',
    items: SERIAL_ITEM,
    minItems: 1,
    maxItems: MAX_REQUESTED_SERIALS,
  })
  @SerialList()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REQUESTED_SERIALS)
  @Matches(SERIAL_NUMBER_PATTERN, { each: true, message: `each serial ${SERIAL_MESSAGE}` })
  serials: string[];
}

export class SupplyItemRequestBodyDto {
  @ApiProperty({ example: 'E72345A6N1', description: 'A serial of your account' })
  @UpperCased()
  @Matches(SERIAL_NUMBER_PATTERN, { message: `serial ${SERIAL_MESSAGE}` })
  serial: string;

  @ApiProperty({ example: 'TK-5240K' })
  @UpperCased()
  @Matches(REORDER_NUMBER_PATTERN, { message: 'reorderNumber must be a reorder number' })
  reorderNumber: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @Trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @MultiLine()
  note?: string;
}

export class ApproveRequestBodyDto {
  @ApiPropertyOptional({
    type: 'array',
    items: SERIAL_ITEM,
    maxItems: MAX_REQUESTED_SERIALS,
    description: 'Machines: the serials to link (default: every one that passed the checks)',
  })
  @IsOptional()
  @SerialList()
  @IsArray()
  @ArrayMaxSize(MAX_REQUESTED_SERIALS)
  @Matches(SERIAL_NUMBER_PATTERN, { each: true, message: `each serial ${SERIAL_MESSAGE}` })
  serials?: string[];
}

export class DeclineRequestBodyDto {
  @ApiProperty({ maxLength: 500, description: 'Told to the customer' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @MultiLine()
  reason: string;
}

export class AccountRequestQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @ApiPropertyOptional({ enum: REQUEST_KINDS })
  @IsOptional()
  @IsIn(REQUEST_KINDS)
  kind?: RequestKind;

  @ApiPropertyOptional({ format: 'uuid', description: "Staff: one account's requests" })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}
