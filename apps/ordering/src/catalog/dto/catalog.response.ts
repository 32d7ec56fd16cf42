import { ApiProperty } from '@nestjs/swagger';
import { SUPPLY_KINDS } from '@metered/contracts';
import { ModelDto, ShipToDto } from '../../orders/dto/order.response';

export class CatalogItemDto {
  @ApiProperty({ example: 'TK-5240K' }) reorderNumber: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SUPPLY_KINDS }) kind: string;
  @ApiProperty({ description: 'Bottles (or units) in one full carton' }) bottlesPerCarton: number;
  @ApiProperty({ description: 'Most bottles one order row may ask for' }) maxQuantity: number;
}

export class CatalogContractDto {
  @ApiProperty() contractId: string;
  @ApiProperty({ enum: ['active', 'suspended', 'terminated'] }) status: string;
  @ApiProperty({ example: '2025-01-01' }) startsOn: string;
  @ApiProperty({ example: '2028-12-31' }) endsOn: string;
}

export class HelpdeskDto {
  @ApiProperty({ example: '1-800-275-9376' }) phone: string;
  @ApiProperty({ type: [Number], example: [1, 3, 3] }) prompts: number[];
}

/** One serial of the account with what may be ordered for it. */
export class CatalogSerialDto {
  @ApiProperty({ example: 'E72345A6N1' }) serial: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ example: 'US' }) country: string;
  @ApiProperty({ type: ModelDto }) model: ModelDto;
  @ApiProperty({ type: CatalogContractDto, nullable: true }) contract: CatalogContractDto | null;
  @ApiProperty({
    description:
      "Today within an active contract: orders are accepted. Otherwise buy from the vendor's online store or an authorised partner.",
  })
  covered: boolean;
  @ApiProperty({ type: ShipToDto, description: 'Read-only; only the helpdesk changes it' })
  shipTo: ShipToDto;
  @ApiProperty({ type: [CatalogItemDto], description: 'Only the items tied to this serial' })
  items: CatalogItemDto[];
  @ApiProperty({ type: HelpdeskDto, description: 'Whom to call for expedited shipping' })
  helpdesk: HelpdeskDto;
}

export class CatalogResponse {
  @ApiProperty({ type: [CatalogSerialDto] }) items: CatalogSerialDto[];
}
