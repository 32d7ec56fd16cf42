import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ShipToAddressDto {
  @ApiProperty() line1: string;
  @ApiPropertyOptional() line2?: string;
  @ApiProperty() city: string;
  @ApiPropertyOptional() state?: string;
  @ApiProperty() postalCode: string;
  @ApiProperty({ example: 'US' }) country: string;
}

export class AccountDto {
  @ApiProperty({ format: 'uuid' })
  accountId: string;

  @ApiProperty({ example: 'Acme Office Supplies' })
  company: string;

  @ApiProperty({ example: 'US' })
  country: string;

  @ApiProperty({
    type: ShipToAddressDto,
    description: 'Read-only for customers: the helpdesk changes it',
  })
  shipTo: ShipToAddressDto;

  @ApiProperty({ type: [String], description: 'Serials linked to the account' })
  serials: string[];
}
