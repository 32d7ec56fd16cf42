import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { ORDER_AGENTS, ORDER_READERS } from './dto/order-access';
import { CancelOrderDto, ReleaseOrderDto } from './dto/order-action.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
import { OrderListResponse, OrderResponse } from './dto/order.response';
import { OrderQueriesService } from './order-queries.service';
import { OrderReviewService } from './order-review.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly queries: OrderQueriesService,
    private readonly review: OrderReviewService,
  ) {}

  @Get()
  @Roles('customer', ...ORDER_READERS)
  @ApiOperation({ summary: 'Orders, newest first (customers: their account; staff: any)' })
  @ApiOkResponse({ type: OrderListResponse })
  async list(
    @Query() query: ListOrdersQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderListResponse> {
    const page = await this.queries.list(user, query);
    return {
      items: page.items.map((order) => OrderResponse.from(order)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':order')
  @Roles('customer', ...ORDER_READERS)
  @ApiOperation({ summary: 'One order by id or order number, with its status history' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ description: 'missing, or another account`s' })
  async get(
    @Param('order') ref: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderResponse> {
    return OrderResponse.from(await this.queries.get(user, ref));
  }

  @Post(':order/release')
  @HttpCode(200)
  @Roles(...ORDER_AGENTS)
  @ApiOperation({ summary: 'Helpdesk: let a held order go to fulfilment (OrderReleased)' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiConflictResponse({ description: 'the order is not held' })
  @ApiNotFoundResponse()
  async release(
    @Param('order') ref: string,
    @Body() body: ReleaseOrderDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderResponse> {
    return OrderResponse.from(await this.review.release(user, ref, body.note));
  }

  @Post(':order/cancel')
  @HttpCode(200)
  @Roles('customer', ...ORDER_AGENTS)
  @ApiOperation({
    summary: 'Cancel (customers: own order while placed or held; helpdesk: until shipped)',
  })
  @ApiOkResponse({ type: OrderResponse })
  @ApiConflictResponse({ description: 'too late to cancel' })
  @ApiNotFoundResponse({ description: 'missing, or another account`s' })
  async cancel(
    @Param('order') ref: string,
    @Body() body: CancelOrderDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderResponse> {
    return OrderResponse.from(await this.review.cancel(user, ref, body.reason));
  }
}
