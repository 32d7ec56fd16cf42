import { Body, Controller, Headers, Post, Res, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { OrderResponse } from '../../dto/order.response';
import { UnprocessableFilter } from '../../errors/unprocessable.filter';
import { PlaceOrderDto } from './dto/place-order.dto';
import { IDEMPOTENCY_HEADER } from './idempotent-placement';
import { PlaceOrderService } from './place-order.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
@UseFilters(UnprocessableFilter)
export class PlaceOrderController {
  constructor(private readonly placing: PlaceOrderService) {}

  @Post()
  @Roles('customer', 'helpdesk', 'admin')
  @ApiOperation({
    summary: 'Place an order for one serial (customers: own account, web; helpdesk: any account)',
  })
  @ApiHeader({
    name: IDEMPOTENCY_HEADER,
    required: false,
    description: 'Same key + same body → the same order (200); same key + other body → 422',
  })
  @ApiCreatedResponse({ type: OrderResponse, description: 'status `placed`, or `held` for review' })
  @ApiOkResponse({ type: OrderResponse, description: 'replay of an earlier request with the key' })
  @ApiBadRequestResponse({ description: '`rows.N.field`, `shippingMethod` (expedited online)…' })
  @ApiNotFoundResponse({ description: 'unknown serial, or not one of the account`s' })
  @ApiUnprocessableEntityResponse({
    description: '`contract-not-current` or `idempotency-key-reused` (see `code`)',
  })
  async place(
    @Body() body: PlaceOrderDto,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrderResponse> {
    const result = await this.placing.place({ user, body, idempotencyKey });
    response.status(result.replayed ? 200 : 201);
    response.setHeader('Location', `/orders/${result.order.orderId}`);
    return OrderResponse.from(result.order);
  }
}
