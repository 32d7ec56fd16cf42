import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { upperCasedInputPattern } from '@metered/service-kit';
import { AuthenticatedUser, CurrentUser, Roles } from '@metered/auth';
import { normaliseIdentifier, REORDER_NUMBER_PATTERN } from '@metered/contracts/reference';
import { ALLOWANCE_EDITORS, ORDER_READERS } from '../orders/dto/order-access';
import { AllowanceResponse, SetAllowanceDto } from './dto/allowance.dto';
import { AllowancesService } from './allowances.service';

/** The path's reorder number: trimmed and upper-cased before the check. */
const ReorderNumberParam = () =>
  ApiParam({
    name: 'reorderNumber',
    schema: { type: 'string', pattern: upperCasedInputPattern(REORDER_NUMBER_PATTERN) },
  });

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders/allowances')
export class AllowancesController {
  constructor(private readonly allowances: AllowancesService) {}

  @Get(':reorderNumber')
  @ReorderNumberParam()
  @Roles(...ORDER_READERS)
  @ApiOperation({ summary: 'The sense-check allowance of an item (override or default)' })
  @ApiOkResponse({ type: AllowanceResponse })
  get(@Param('reorderNumber') reorderNumber: string): Promise<AllowanceResponse> {
    return this.allowances.get(normaliseIdentifier(reorderNumber));
  }

  @Put(':reorderNumber')
  @ReorderNumberParam()
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
