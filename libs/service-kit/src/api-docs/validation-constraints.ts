import 'reflect-metadata';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { isMultiLine } from '../validation/multi-line.decorator';

/**
 * The OpenAPI document states what the validators enforce (issue 18.8): request schemas carry
 * the class-validator constraints — types, formats, patterns, lengths, ranges, enums, required —
 * and the shared text rule (no control characters, no bidi overrides), so a client (or a
 * fuzzer) that follows the schema is accepted and one that does not is refused. Derived in
 * one place from the validators' own metadata, before Nest's swagger module reads the
 * `@ApiProperty` metadata; what a DTO states itself in `@ApiProperty` wins.
 */

/** Nest swagger's metadata keys (`DECORATORS.API_MODEL_PROPERTIES[_ARRAY]`). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

/** Characters the validation pipe refuses in every single-line text value. */
const REFUSED = '\\u0000-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069';
/** The same for multi-line fields: tab, line feed and carriage return may pass. */
const REFUSED_MULTI_LINE =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069';
/** What `String.prototype.trim` removes besides the control characters above. */
const TRIMMED_SPACE = ' \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/** The text rule as a JSON-schema pattern (ECMA-262 and Python alike). */
export function textPattern(multiLine = false, nonBlank = false): string {
  const refused = multiLine ? REFUSED_MULTI_LINE : REFUSED;
  if (!nonBlank) return `^[^${refused}]*$`;
  // Something besides white space: a trimmed value must not come out empty.
  return `^[^${refused}]*[^${REFUSED}${TRIMMED_SPACE}][^${refused}]*$`;
}

export const SINGLE_LINE_TEXT_PATTERN = textPattern();

type Derived = Record<string, unknown>;
/** A DTO class, as class-validator keys its metadata. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DtoClass = abstract new (...args: any[]) => unknown;

interface TransformStorage {
  findTransformMetadatas(
    target: DtoClass,
    property: string,
    type: number,
  ): Array<{ transformFn: (parameters: { value: unknown }) => unknown }>;
}

/** class-transformer keeps its metadata in a singleton it does not export from its index. */
function transformStorage(): { defaultMetadataStorage: TransformStorage } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformStorage };
}

/** How class-transformer changes a text value before validation (the project's normalisers). */
interface Normalising {
  transformed: boolean;
  trims: boolean;
  upperCases: boolean;
  lowerCases: boolean;
}

/** Found by trying the property's transforms on a probe, whatever decorator holds them. */
function normalisingOf(target: DtoClass, property: string): Normalising {
  const storage = transformStorage().defaultMetadataStorage;
  const transforms = storage.findTransformMetadatas(target, property, 0 /* PLAIN_TO_CLASS */);
  let probe: unknown = ' aB ';
  for (const { transformFn } of transforms) {
    try {
      probe = transformFn({ value: probe });
    } catch {
      probe = undefined;
    }
  }
  return {
    transformed: transforms.length > 0,
    trims: probe === 'aB' || probe === 'AB' || probe === 'ab',
    upperCases: probe === 'AB' || probe === ' AB ',
    lowerCases: probe === 'ab' || probe === ' ab ',
  };
}

/**
 * The pattern a client's input must match when the validator's pattern applies after trimming
 * and changing the case: surrounding white space may pass, and either case of each letter.
 */
function inputPattern(pattern: string, normalising: Normalising): string {
  if (!normalising.transformed || !pattern.startsWith('^') || !pattern.endsWith('$')) {
    return pattern;
  }
  let inner = pattern.slice(1, -1);
  if (normalising.upperCases) inner = inner.replace(/A-Z(?!a-z)/g, 'A-Za-z');
  if (normalising.lowerCases) inner = inner.replace(/a-z(?!A-Z)/g, 'a-zA-Z');
  const space = `[${TRIMMED_SPACE}]*`;
  return normalising.trims ? `^${space}(?:${inner})${space}$` : `^${inner}$`;
}

function regexSource(pattern: unknown): string | undefined {
  if (pattern instanceof RegExp) {
    // Flags other than `u` have no place in a JSON-schema pattern.
    return pattern.flags.replace(/[gu]/g, '') === '' ? pattern.source : undefined;
  }
  return typeof pattern === 'string' ? pattern : undefined;
}

/** What one validator says about a value, in JSON-schema words. */
function constraintOf(metadata: ValidationMetadata): Derived {
  const [first, second] = (metadata.constraints ?? []) as unknown[];
  switch (metadata.name) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isUuid':
      return { type: 'string', format: 'uuid' };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isIso8601':
    case 'isDateString':
      return { type: 'string', format: 'date-time' };
    case 'minLength':
      return { minLength: first };
    case 'maxLength':
      return { maxLength: first };
    case 'isLength':
      return { minLength: first, ...(second !== undefined ? { maxLength: second } : {}) };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'isPositive':
      return { minimum: 1 };
    case 'isIn':
      return Array.isArray(first) ? { enum: [...(first as unknown[])] } : {};
    case 'isEnum':
      return first && typeof first === 'object'
        ? { enum: [...new Set(Object.values(first as object))] }
        : {};
    case 'matches': {
      const source = regexSource(first);
      return source ? { pattern: source } : {};
    }
    case 'isNotEmpty':
      return { notEmpty: true };
    case 'arrayMinSize':
      return { minItems: first };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'arrayUnique':
      return { uniqueItems: true };
    case 'isArray':
      return { isArray: true };
    default:
      return {};
  }
}

/** Property → the swagger options its validators imply (on the property itself, not `each`). */
function derivedProperties(target: DtoClass): Map<string, Derived> {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(target, '', true, false);
  const byProperty = new Map<string, Derived>();
  for (const metadata of metadatas) {
    if (metadata.type === ValidationTypes.WHITELIST) continue;
    const derived = byProperty.get(metadata.propertyName) ?? { required: true };
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      // @IsOptional and "may be left out" conditions: the property is not required.
      derived.required = false;
    } else if (!metadata.each) {
      Object.assign(derived, constraintOf(metadata));
    }
    byProperty.set(metadata.propertyName, derived);
  }
  return byProperty;
}

/** The swagger options to add to one property, given what the DTO already says. */
function optionsFor(
  target: DtoClass,
  property: string,
  derived: Derived,
  existing: Derived | undefined,
): Derived {
  const { notEmpty, isArray, ...options } = derived;
  const declaredType =
    existing?.type ?? Reflect.getMetadata('design:type', target.prototype, property);
  const isText =
    !isArray &&
    !existing?.isArray &&
    (options.type === 'string' || declaredType === String || declaredType === 'string');
  if (notEmpty) {
    if (isArray || existing?.isArray) options.minItems ??= 1;
    else if (isText) options.minLength ??= 1;
  }
  const described = { ...options, ...existing };
  const normalising = isText ? normalisingOf(target, property) : undefined;
  if (normalising && typeof options.pattern === 'string' && !existing?.pattern) {
    options.pattern = inputPattern(options.pattern, normalising);
  }
  if (normalising && !described.pattern && !described.format && !described.enum) {
    options.pattern = textPattern(
      isMultiLine(target.prototype as object, property),
      normalising.trims && Number(described.minLength ?? 0) > 0,
    );
  }
  const merged = { ...options, ...existing };
  // `@IsInt()` on a `number`: the schema says integer, not number.
  if (options.type === 'integer' && (merged.type === Number || merged.type === 'number')) {
    merged.type = 'integer';
  }
  return merged;
}

let applied = false;

/**
 * Adds the validators' constraints to the `@ApiProperty` metadata of every DTO class that has
 * both (explicit `@ApiProperty` options win), so the document built next states them. Once
 * per process: the metadata of loaded classes does not change.
 */
export function documentValidationConstraints(): void {
  if (applied) return;
  applied = true;
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<DtoClass, unknown>;
  };
  for (const target of storage.validationMetadatas.keys()) {
    const prototype = target.prototype as object | undefined;
    if (!prototype || !Reflect.hasMetadata(API_MODEL_PROPERTIES_ARRAY, prototype)) continue;
    const list = Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, prototype) as string[];
    for (const [property, derived] of derivedProperties(target)) {
      const existing = Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, property) as
        Derived | undefined;
      const options = optionsFor(target, property, derived, existing);
      if (!existing) {
        options.type ??= Reflect.getMetadata('design:type', prototype, property);
        if (!list.includes(`:${property}`)) list.push(`:${property}`);
      }
      Reflect.defineMetadata(API_MODEL_PROPERTIES, options, prototype, property);
    }
    Reflect.defineMetadata(API_MODEL_PROPERTIES_ARRAY, list, prototype);
  }
}

/** Names of the classes the validation pipe checks (request DTOs): unknown fields are refused. */
export function validatedClassNames(): Set<string> {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<DtoClass, unknown>;
  };
  return new Set([...storage.validationMetadatas.keys()].map((target) => target.name));
}

/**
 * For `@ApiProperty({ items: { pattern } })` of lists whose items are trimmed and upper-cased
 * before a `@Matches(pattern, { each: true })` (the validators' `each` constraints are not
 * derived): the pattern a client's item must match.
 */
export function upperCasedInputPattern(pattern: RegExp): string {
  return inputPattern(pattern.source, {
    transformed: true,
    trims: true,
    upperCases: true,
    lowerCases: false,
  });
}
