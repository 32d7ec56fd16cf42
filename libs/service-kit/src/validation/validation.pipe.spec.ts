import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { MultiLine } from './multi-line.decorator';
import { createValidationPipe } from './validation.pipe';

class RowDto {
  @IsInt()
  @Min(1)
  quantity: number;
}

class OrderDto {
  @IsString()
  serialNumber: string;

  @ValidateNested({ each: true })
  @Type(() => RowDto)
  rows: RowDto[];
}

const metadata: ArgumentMetadata = { type: 'body', metatype: OrderDto };

async function problemsOf(body: unknown) {
  try {
    await createValidationPipe().transform(body, metadata);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { errors: unknown[] }).errors;
  }
  throw new Error('expected a validation error');
}

describe('createValidationPipe', () => {
  it('names the nested field and the reason', async () => {
    const problems = await problemsOf({ serialNumber: 'X1', rows: [{ quantity: 0 }] });
    expect(problems).toEqual([
      { field: 'rows.0.quantity', reason: 'quantity must not be less than 1' },
    ]);
  });

  it('refuses unknown fields such as injected operators instead of dropping them', async () => {
    const problems = await problemsOf({ serialNumber: 'X1', rows: [], $where: '1' });
    expect(problems).toEqual([{ field: '$where', reason: 'property $where should not exist' }]);
  });

  it('passes a valid body through as a class instance', async () => {
    const value = await createValidationPipe().transform(
      { serialNumber: 'X1', rows: [{ quantity: 2 }] },
      metadata,
    );
    expect(value).toBeInstanceOf(OrderDto);
  });
});

class AddressDto {
  @IsString()
  line1: string;
}

class NoteDto {
  @IsString()
  name: string;

  @IsString()
  @MultiLine()
  note: string;

  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;
}

describe('createValidationPipe: control characters', () => {
  const noteMetadata: ArgumentMetadata = { type: 'body', metatype: NoteDto };
  const valid = { name: 'Pat', note: 'ok', address: { line1: '1 Main St' } };

  async function textProblemsOf(value: unknown, meta: ArgumentMetadata) {
    try {
      await createValidationPipe().transform(value, meta);
    } catch (error) {
      return ((error as BadRequestException).getResponse() as { errors: unknown[] }).errors;
    }
    return [];
  }

  it('refuses a NUL anywhere in a body, naming the nested field', async () => {
    expect(
      await textProblemsOf({ ...valid, address: { line1: '1 Main\u0000St' } }, noteMetadata),
    ).toEqual([{ field: 'address.line1', reason: expect.stringContaining('U+0000') as unknown }]);
  });

  it('lets tabs and line breaks pass only in fields marked multi-line', async () => {
    expect(await textProblemsOf({ ...valid, note: 'one\r\n\ttwo' }, noteMetadata)).toEqual([]);
    expect(await textProblemsOf({ ...valid, name: 'Pat\nExample' }, noteMetadata)).toEqual([
      { field: 'name', reason: expect.stringContaining('U+000A') as unknown },
    ]);
    expect(await textProblemsOf({ ...valid, note: 'bell\u0007' }, noteMetadata)).toEqual([
      { field: 'note', reason: expect.stringContaining('U+0007') as unknown },
    ]);
  });

  it('refuses bidirectional overrides and isolates', async () => {
    for (const character of ['\u202a', '\u202e', '\u2066', '\u2069']) {
      expect(await textProblemsOf({ ...valid, name: `Pat${character}` }, noteMetadata)).toEqual([
        { field: 'name', reason: expect.stringContaining('bidirectional') as unknown },
      ]);
    }
  });

  it('checks plain path and query parameters by their name', async () => {
    const param: ArgumentMetadata = { type: 'param', metatype: String, data: 'serial' };
    expect(await textProblemsOf('AB\u0000CD', param)).toEqual([
      { field: 'serial', reason: expect.stringContaining('U+0000') as unknown },
    ]);
    expect(await createValidationPipe().transform('ABCD1234', param)).toBe('ABCD1234');
  });

  it('leaves values of custom decorators (the signed-in user) alone', async () => {
    const custom: ArgumentMetadata = { type: 'custom' };
    const user = { name: 'x\u0000' };
    expect(await createValidationPipe().transform(user, custom)).toBe(user);
  });
});
