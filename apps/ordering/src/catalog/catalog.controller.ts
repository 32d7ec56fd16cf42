import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { ORDER_READERS } from '../orders/dto/order-access';
import { CatalogService } from './catalog.service';
import { CatalogQuery } from './dto/catalog.query';
import { CatalogResponse } from './dto/catalog.response';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders/catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('serials')
  @Roles('customer', ...ORDER_READERS)
  @ApiOperation({
    summary:
      "The account's serials with model, contract, coverage today and the items tied to each",
  })
  @ApiOkResponse({ type: CatalogResponse })
  async serials(
    @Query() query: CatalogQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CatalogResponse> {
    return { items: await this.catalog.serialsOf(user, query.accountId) };
  }
}
