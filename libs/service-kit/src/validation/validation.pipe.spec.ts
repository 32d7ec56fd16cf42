import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
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
