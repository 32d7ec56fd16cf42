import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTRACT_STATUSES, ContractStatus } from '@metered/contracts';
import { DeviceModelDto } from '../../device-models/dto/device-model.dto';
import { SupplyItemSummaryDto } from '../../supply-items/dto/supply-item.dto';

export class ContractDto {
  @ApiProperty({ example: 'MS-2025-000123' })
  contractId: string;

  @ApiProperty({ enum: CONTRACT_STATUSES })
  status: ContractStatus;

  @ApiProperty({ example: '2025-01-01', description: 'First day covered' })
  startsOn: string;

  @ApiProperty({ example: '2028-12-31', description: 'Last day covered' })
  endsOn: string;
}

/** A device of an account, as its customers and the helpdesk see it. */
export class AccountDeviceDto {
  @ApiProperty({ example: 'E72345A6N1' })
  serial: string;

  @ApiProperty({ type: DeviceModelDto })
  model: DeviceModelDto;

  @ApiProperty({
    type: ContractDto,
    nullable: true,
    description: 'The contract that decides coverage today (the latest that has started)',
  })
  contract: ContractDto | null;

  @ApiProperty({
    description:
      'Supplies may be ordered today: the contract is active and today is within its dates. ' +
      "Otherwise buy from the vendor's online store or an authorised partner.",
  })
  covered: boolean;

  @ApiProperty({ type: [SupplyItemSummaryDto], description: 'Items that fit the model' })
  supplyItems: SupplyItemSummaryDto[];
}

export class AccountDeviceListDto {
  @ApiProperty({ type: [AccountDeviceDto] })
  items: AccountDeviceDto[];
}

/** Everything the registry knows about one serial (staff). */
export class DeviceViewDto extends AccountDeviceDto {
  @ApiProperty({ example: 'US' })
  country: string;

  @ApiProperty({ type: [ContractDto], description: 'Every contract of the device, oldest first' })
  contracts: ContractDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The account it belongs to, if linked',
  })
  accountId: string | null;
}
