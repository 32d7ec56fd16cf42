import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { SHIPPING_METHODS, type ShippingMethod } from '@metered/contracts';
import { NormalisedIdentifier, OrderRowDto } from '../../../dto/order-row.dto';
import { MAX_ROWS } from '../domain/order-request';

export class PlaceOrderDto {
  @ApiProperty({ example: 'E72345A6N1', description: 'One of the account`s serial numbers' })
  @NormalisedIdentifier
  @IsString()
  serial: string;

  @ApiProperty({ type: [OrderRowDto], minItems: 1, maxItems: MAX_ROWS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ROWS)
  @ValidateNested({ each: true })
  @Type(() => OrderRowDto)
  rows: OrderRowDto[];

  @ApiPropertyOptional({
    enum: SHIPPING_METHODS,
    default: 'standard',
    description: 'Online orders ship standard; only the helpdesk may expedite',
  })
  @IsOptional()
  @IsIn(SHIPPING_METHODS)
  shippingMethod?: ShippingMethod;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Helpdesk only: the customer account the order is for',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}
