import { ValidationError } from 'class-validator';

/** One readable line per failed field, e.g. `payload.quantity: quantity must be an integer`. */
export function describeValidationErrors(errors: ValidationError[], prefix = ''): string {
  const lines: string[] = [];
  const walk = (list: ValidationError[], path: string) => {
    for (const error of list) {
      const field = path ? `${path}.${error.property}` : error.property;
      for (const message of Object.values(error.constraints ?? {})) {
        lines.push(`${field}: ${message}`);
      }
      if (error.children?.length) walk(error.children, field);
    }
  };
  walk(errors, prefix);
  return lines.join('; ');
}
