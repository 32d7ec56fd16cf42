import { Transform } from 'class-transformer';

/** Natural keys and codes: trimmed and upper-cased, as customers' input is. */
export function UpperCased(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
}

/** Enumerations (family, kind, status) are lower case. */
export function LowerCased(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
}

export function Trimmed(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
}

/** CSV cells are text: "12" becomes 12; anything else is left for the validators to refuse. */
export function IntegerFromText(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value,
  );
}

/** A list: a JSON array, or a CSV cell separated by `|` (e.g. `LM-C3540|LM-C4540`). */
export function UpperCasedList(): PropertyDecorator {
  return Transform(({ value }) => {
    const list = typeof value === 'string' ? value.split('|') : value;
    if (!Array.isArray(list)) return value;
    const items = list.map((item) => (typeof item === 'string' ? item.trim().toUpperCase() : item));
    return [...new Set(items.filter((item) => item !== ''))];
  });
}
