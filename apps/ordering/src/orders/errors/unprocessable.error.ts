import { InvalidInputError, type FieldProblem } from '@metered/service-kit';

/**
 * Well-formed input that a business rule refuses (no current contract, an Idempotency-Key
 * reused for another request): 422 through UnprocessableFilter; 400 wherever that filter
 * is not applied, since it is still invalid input.
 */
export class UnprocessableError extends InvalidInputError {
  constructor(
    problems: FieldProblem[],
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(problems);
  }
}
