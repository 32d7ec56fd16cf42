import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { Trim } from './trim.transform';
import { MultiLine } from '@metered/service-kit';

export class ApproveRegistrationDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'the serials to link to the new account; default: every eligible serial',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  serials?: string[];
}

export class RejectRegistrationDto {
  @ApiProperty({ description: 'shown to the person as written', minLength: 1, maxLength: 1000 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  @MultiLine()
  reason: string;
}
