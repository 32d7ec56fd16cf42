import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { FieldProblem } from '../errors/domain.error';
import { textInputProblems } from './text-input';

/** Flattens nested class-validator errors to `{ field: 'rows.0.quantity', reason }` pairs. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/** A text problem in class-validator's shape, so both kinds are answered together. */
function asValidationError({ field, reason }: FieldProblem): ValidationError {
  return { property: field, constraints: { text: reason }, children: [] };
}

/**
 * Nest's ValidationPipe plus the text rule (no NUL or other controls, no bidi overrides) for
 * every body, query and path parameter — DTOs and plain `@Param('serial')` strings alike.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // DTOs are checked in validate() below, where nested DTO instances carry @MultiLine().
    if (metadata.type !== 'custom' && !this.toValidate(metadata)) {
      const problems = textInputProblems(value, metadata.data ?? '');
      if (problems.length > 0) throw this.exceptionFactory(problems.map(asValidationError));
    }
    return super.transform(value, metadata);
  }

  protected override async validate(
    object: object,
    options?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    return [...errors, ...textInputProblems(object, '').map(asValidationError)];
  }
}

/**
 * Global HTTP input validation: unknown fields are refused (not silently dropped), so a
 * client typo or an injected `$gt` never reaches a service; every error names its field.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: toFieldProblems(errors),
      }),
  });
}
