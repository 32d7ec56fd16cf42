import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class CatalogQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only (required for staff)' })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}
