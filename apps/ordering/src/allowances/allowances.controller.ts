import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { normaliseIdentifier } from '@metered/contracts/reference';
import { ALLOWANCE_EDITORS, ORDER_READERS } from '../orders/dto/order-access';
import { AllowanceResponse, SetAllowanceDto } from './dto/allowance.dto';
import { AllowancesService } from './allowances.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders/allowances')
export class AllowancesController {
  constructor(private readonly allowances: AllowancesService) {}

  @Get(':reorderNumber')
  @Roles(...ORDER_READERS)
  @ApiOperation({ summary: 'The sense-check allowance of an item (override or default)' })
  @ApiOkResponse({ type: AllowanceResponse })
  get(@Param('reorderNumber') reorderNumber: string): Promise<AllowanceResponse> {
    return this.allowances.get(normaliseIdentifier(reorderNumber));
  }

  @Put(':reorderNumber')
  @Roles(...ALLOWANCE_EDITORS)
  @ApiOperation({ summary: 'Override the allowance of an item (ops, admin)' })
  @ApiOkResponse({ type: AllowanceResponse })
  @ApiBadRequestResponse({ description: 'allowanceBottles is not a whole number 0-10000' })
  set(
    @Param('reorderNumber') reorderNumber: string,
    @Body() body: SetAllowanceDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AllowanceResponse> {
    return this.allowances.set(normaliseIdentifier(reorderNumber), body.allowanceBottles, user);
  }
}
