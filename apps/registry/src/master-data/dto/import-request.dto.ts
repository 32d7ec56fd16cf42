import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IMPORT_KINDS, ImportKind } from '../import-kind';
import { IMPORT_FORMATS, ImportFormat } from '../rows/parse-rows';
import { MultiLine } from '@metered/service-kit';

export class ImportRequestDto {
  @ApiProperty({ enum: IMPORT_KINDS, description: 'What the rows are' })
  @IsIn(IMPORT_KINDS)
  kind: ImportKind;

  @ApiProperty({ enum: IMPORT_FORMATS, description: 'CSV with a header row, or a JSON array' })
  @IsIn(IMPORT_FORMATS)
  format: ImportFormat;

  @ApiProperty({
    description:
      'The file as text. Requests are limited to 64 kB: import bigger files in chunks ' +
      '(CSV: repeat the header row in each chunk).',
    example: 'code,name,family\nLM-C3540,Lumera C3540 MFP,office',
  })
  @IsString()
  @MaxLength(64 * 1024)
  @MultiLine()
  content: string;
}
