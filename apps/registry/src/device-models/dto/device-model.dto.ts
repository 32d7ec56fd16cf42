import { ApiProperty } from '@nestjs/swagger';
import { PRODUCT_FAMILIES, ProductFamily } from '@metered/contracts';

export class DeviceModelDto {
  @ApiProperty({ example: 'LM-C3540' })
  code: string;

  @ApiProperty({ example: 'Lumera C3540 MFP' })
  name: string;

  @ApiProperty({ enum: PRODUCT_FAMILIES })
  family: ProductFamily;
}

export class DeviceModelListDto {
  @ApiProperty({ type: [DeviceModelDto] })
  items: DeviceModelDto[];
}
