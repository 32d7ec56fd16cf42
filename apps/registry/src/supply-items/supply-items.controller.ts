import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, STAFF_ROLES } from '@metered/auth';
import { SupplyItemListDto, SupplyItemsQueryDto } from './dto/supply-item.dto';
import { SupplyItemsService } from './supply-items.service';

@ApiTags('master data')
@Controller('supply-items')
export class SupplyItemsController {
  constructor(private readonly items: SupplyItemsService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The supply catalog, optionally only what fits one model' })
  @ApiOkResponse({ type: SupplyItemListDto })
  async list(@Query() query: SupplyItemsQueryDto): Promise<SupplyItemListDto> {
    return { items: await this.items.list(query.model) };
  }
}
