import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MultiLine } from '../validation/multi-line.decorator';
import { textProblem } from '../validation/text-input.rules';
import { createServiceDocument } from './service-api-docs';
import { textPattern } from './validation-constraints';

class FuzzQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;
}

class FuzzBodyDto {
  @ApiProperty()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  company: string;

  @ApiProperty({ description: 'stated by the DTO', pattern: '^[A-Za-z0-9]{8,15}$' })
  @Matches(/^[A-Z0-9]{8,15}$/)
  serial: string;

  @ApiProperty()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Matches(/^[A-Z0-9]{8,15}$/)
  proofSerial: string;

  @ApiProperty()
  @IsUUID()
  accountId: string;

  @ApiProperty()
  @IsIn(['standard', 'express'])
  shippingMethod: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MultiLine()
  @MaxLength(500)
  note?: string;

  @ApiProperty({ type: [String] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  serials: string[];
}

class FuzzChangeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  days?: number;
}

@Controller('fuzz')
class FuzzController {
  @Post('change')
  change(@Body() body: FuzzChangeDto) {
    return body;
  }

  @Get(':serial')
  one(@Param('serial') serial: string, @Query() query: FuzzQueryDto) {
    return { serial, query };
  }

  @Post()
  create(@Body() body: FuzzBodyDto) {
    return body;
  }
}

@Module({ controllers: [FuzzController] })
class FuzzModule {}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the service document states what the validators enforce', () => {
  let document: Json;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [FuzzModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    document = createServiceDocument(app, 'registry') as Json;
    await app.close();
  });

  it('carries lengths, ranges, formats, enums, required and the text rule into request schemas', () => {
    const schema = document.components.schemas.FuzzBodyDto as Json;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['company', 'serial', 'accountId', 'shippingMethod', 'serials']),
    );
    expect(schema.required).not.toContain('note');
    // Trimmed before "not empty" is checked: blank is refused, so the pattern wants a non-space.
    expect(schema.properties.company).toMatchObject({
      type: 'string',
      minLength: 1,
      maxLength: 200,
      pattern: textPattern(false, true),
    });
    // What the DTO states itself wins (the input before upper-casing).
    expect(schema.properties.serial.pattern).toBe('^[A-Za-z0-9]{8,15}$');
    // Trimmed and upper-cased before the pattern: the input may have spaces and lower case.
    const proofSerial = new RegExp(schema.properties.proofSerial.pattern as string, 'u');
    expect(proofSerial.test(' e72345a6N1 ')).toBe(true);
    expect(proofSerial.test('E7-2345A6N1')).toBe(false);
    expect(schema.properties.accountId).toMatchObject({ format: 'uuid' });
    expect(schema.properties.shippingMethod).toMatchObject({ enum: ['standard', 'express'] });
    expect(schema.properties.note).toMatchObject({ maxLength: 500, pattern: textPattern(true) });
    expect(schema.properties.serials).toMatchObject({ type: 'array', minItems: 1, maxItems: 50 });
  });

  it('lets a body whose every field is optional be left out, and no other', () => {
    expect(document.paths['/fuzz/change'].post.requestBody.required).toBe(false);
    expect(document.paths['/fuzz'].post.requestBody.required).toBe(true);
  });

  it('types query DTOs and plain path parameters', () => {
    const parameters = document.paths['/fuzz/{serial}'].get.parameters as Json[];
    const byName = Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter]));
    expect(byName.limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(byName.limit.required).toBe(false);
    expect(byName.email.schema).toMatchObject({ format: 'email' });
    expect(byName.serial.schema).toMatchObject({ type: 'string', pattern: textPattern() });
  });

  it('writes patterns that refuse what the validation pipe refuses', () => {
    const single = new RegExp(textPattern(), 'u');
    const multi = new RegExp(textPattern(true), 'u');
    const nonBlank = new RegExp(textPattern(false, true), 'u');
    expect(single.test('Pat Example')).toBe(true);
    expect(single.test('Pat\u0000')).toBe(false);
    expect(single.test('Pat\nExample')).toBe(false);
    expect(single.test('Pat\u202e')).toBe(false);
    expect(multi.test('one\r\n\ttwo')).toBe(true);
    expect(multi.test('bell\u0007')).toBe(false);
    expect(nonBlank.test(' \u00a0\ufeff')).toBe(false);
    expect(nonBlank.test(' x ')).toBe(true);
  });

  it('agrees with the validation pipe text rule on every character up to U+3000', () => {
    const single = new RegExp(textPattern(), 'u');
    const multi = new RegExp(textPattern(true), 'u');
    for (let code = 0; code < 0x3000; code += 1) {
      const text = `a${String.fromCodePoint(code)}b`;
      expect([code, single.test(text)]).toEqual([code, textProblem(text) === null]);
      expect([code, multi.test(text)]).toEqual([code, textProblem(text, true) === null]);
    }
  });
});
