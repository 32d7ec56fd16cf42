/**
 * Errors services throw for broken business rules. They know nothing of HTTP; the
 * `DomainErrorFilter` maps each kind to a status code in one place.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'unavailable';

  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldProblem {
  field: string;
  reason: string;
}

/** Input that breaks a rule; carries the field(s) and the reason(s). */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid' as const;

  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '));
  }
}

/** Missing — or someone else's, which callers must not be able to tell apart. */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}

/** A dependency is down; callers may retry later. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable' as const;
}
