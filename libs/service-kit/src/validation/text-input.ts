import { FieldProblem } from '../errors/domain.error';
import { isMultiLine } from './multi-line.decorator';
import { textProblem } from './text-input.rules';

/**
 * Every string in a request value with its field path (`shipTo.line1`, `serials.2`), checked
 * by the text rule; multi-line where the owning DTO marks the property with `@MultiLine()`.
 */
export function textInputProblems(
  value: unknown,
  field: string,
  multiLine = false,
): FieldProblem[] {
  if (typeof value === 'string') {
    const reason = textProblem(value, multiLine);
    return reason ? [{ field, reason }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      textInputProblems(item, join(field, String(index)), multiLine),
    );
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return [];
  return Object.entries(value).flatMap(([property, child]) =>
    textInputProblems(child, join(field, property), isMultiLine(value, property)),
  );
}

function join(parent: string, property: string): string {
  return parent ? `${parent}.${property}` : property;
}
