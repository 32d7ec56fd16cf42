import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_KINDS, ImportKind } from '../import-kind';

export class ImportResultDto {
  @ApiProperty({ enum: IMPORT_KINDS })
  kind: ImportKind;

  @ApiProperty({ description: 'Rows whose natural key was new' })
  created: number;

  @ApiProperty({ description: 'Rows that changed a stored record' })
  updated: number;

  @ApiProperty({ description: 'Rows identical to what is stored (a re-import is all unchanged)' })
  unchanged: number;
}
