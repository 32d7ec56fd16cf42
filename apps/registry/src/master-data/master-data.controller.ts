import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@metered/auth';
import { ImportRequestDto } from './dto/import-request.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { MasterDataService } from './master-data.service';

@ApiTags('master data')
@Controller('master-data')
export class MasterDataController {
  constructor(private readonly masterData: MasterDataService) {}

  @Post('imports')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Import device models, supply items, devices or contracts (CSV or JSON)',
    description:
      'All rows are checked first (fields, duplicates, references to stored models and devices); ' +
      'any problem → 400 naming `rows.<index>.<field>` (index 0 = first data row) and nothing is stored. ' +
      'Rows are upserted by natural key (code, reorderNumber, serial, contractId). ' +
      'A new or changed contract publishes `ContractChanged` for its device.',
  })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ description: 'A row is wrong; `errors` names each field' })
  import(@Body() body: ImportRequestDto): Promise<ImportResultDto> {
    return this.masterData.import(body);
  }
}
