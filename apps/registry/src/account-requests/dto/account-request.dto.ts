import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REQUEST_DECISIONS, SERIAL_CHECK_OUTCOMES } from '@metered/contracts';
import { ContractDto } from '../../devices/dto/device-view.dto';
import { DeviceModelDto } from '../../device-models/dto/device-model.dto';
import { REQUEST_KINDS, REQUEST_STATUSES } from '../domain/account-request';

export class RequestActorDto {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
}

export class SerialCheckDto {
  @ApiProperty() serial: string;
  @ApiProperty({ enum: SERIAL_CHECK_OUTCOMES }) outcome: string;
  @ApiProperty({ description: 'What to tell the customer' }) message: string;
  @ApiPropertyOptional({ type: DeviceModelDto }) model?: DeviceModelDto;
  @ApiPropertyOptional({ type: ContractDto }) contract?: ContractDto;
}

export class RequestDecisionDto {
  @ApiProperty({ enum: REQUEST_DECISIONS }) decision: string;
  @ApiPropertyOptional({ type: [String], description: 'Machines: the serials linked' })
  approvedSerials?: string[];
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ type: RequestActorDto }) decidedBy: RequestActorDto;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

/** A customer's request to the helpdesk: more machines, or an item not listed. */
export class AccountRequestDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: REQUEST_KINDS }) kind: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() company: string;
  @ApiProperty({ example: 'US' }) country: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: string;
  @ApiProperty({ type: RequestActorDto }) requestedBy: RequestActorDto;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiPropertyOptional({ description: 'Machines: the serial given as proof' })
  proofSerial?: string;
  @ApiPropertyOptional({ type: [SerialCheckDto], description: 'Machines: checks per serial' })
  checks?: SerialCheckDto[];
  @ApiPropertyOptional({ description: 'Items: the serial' }) serial?: string;
  @ApiPropertyOptional({ description: 'Items: the reorder number' }) reorderNumber?: string;
  @ApiPropertyOptional({ description: "Items: the customer's note" }) note?: string;
  @ApiPropertyOptional({ type: RequestDecisionDto }) decision?: RequestDecisionDto;
}

export class AccountRequestListDto {
  @ApiProperty({ type: [AccountRequestDto], description: 'Newest first, at most 100' })
  items: AccountRequestDto[];
}
