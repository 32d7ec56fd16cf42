/**
 * class-validator metadata → JSON Schema, for the payload classes of libs/contracts. Only
 * the validators the contracts use are mapped; any other makes generation fail, so the
 * document can never silently describe less than the consumer checks.
 */
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

// class-transformer keeps @Type metadata in a storage it does not export from its main entry.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

export type JsonSchema = Record<string, unknown>;
type Constructor = new (...args: never[]) => object;

const ARRAY_VALIDATORS = new Set(['arrayMinSize', 'arrayMaxSize', 'isArray', 'arrayNotEmpty']);

/** Constraints of one value (a property, or each element of an array property). */
function valueConstraint(meta: ValidationMetadata, schema: JsonSchema): void {
  const [first] = (meta.constraints ?? []) as unknown[];
  switch (meta.name) {
    case 'isString':
      schema.type = 'string';
      return;
    case 'isNotEmpty':
      if (schema.type === 'string' || schema.type === undefined) schema.minLength = 1;
      return;
    case 'maxLength':
      schema.maxLength = first;
      return;
    case 'minLength':
      schema.minLength = first;
      return;
    case 'isUuid':
      Object.assign(schema, { type: 'string', format: 'uuid' });
      return;
    case 'isEmail':
      Object.assign(schema, { type: 'string', format: 'email' });
      return;
    case 'isUrl':
      Object.assign(schema, { type: 'string', format: 'uri' });
      return;
    case 'isIso8601':
    case 'isDateString':
      Object.assign(schema, { type: 'string', format: 'date-time' });
      return;
    case 'matches':
      Object.assign(schema, { type: 'string', pattern: (first as RegExp).source });
      return;
    case 'isIn':
      schema.enum = [...(first as unknown[])];
      return;
    case 'isInt':
      schema.type = 'integer';
      return;
    case 'isNumber':
      schema.type = 'number';
      return;
    case 'min':
      schema.minimum = first;
      return;
    case 'max':
      schema.maximum = first;
      return;
    case 'isBoolean':
      schema.type = 'boolean';
      return;
    case 'isObject':
      schema.type = 'object';
      return;
    default:
      throw new Error(
        `validator "${meta.name}" on ${meta.target instanceof Function ? meta.target.name : '?'}.${meta.propertyName} has no JSON Schema mapping: add one to tools/asyncapi/class-schema.ts`,
      );
  }
}

/** Orders keywords the same way every time, so the committed document diffs cleanly. */
function tidy(schema: JsonSchema): JsonSchema {
  const order = [
    'type',
    'format',
    'enum',
    'pattern',
    'minLength',
    'maxLength',
    'minimum',
    'maximum',
  ];
  const keys = Object.keys(schema).sort((a, b) => {
    const ia = order.indexOf(a) < 0 ? 99 : order.indexOf(a);
    const ib = order.indexOf(b) < 0 ? 99 : order.indexOf(b);
    return ia - ib || a.localeCompare(b);
  });
  return Object.fromEntries(keys.map((key) => [key, schema[key]]));
}

/**
 * The schemas of a class and of every class nested in it, by class name, refs as
 * `#/components/schemas/<Name>`. `describe` adds a description to a property (TSDoc is not
 * kept at run time, so descriptions come from the caller, if any).
 */
export function classSchemas(root: Constructor, into: Record<string, JsonSchema> = {}) {
  const seen = new Map<string, Constructor>();
  const visit = (cls: Constructor): string => {
    const known = seen.get(cls.name);
    if (known && known !== cls) throw new Error(`two contract classes are named ${cls.name}`);
    if (known) return cls.name;
    seen.set(cls.name, cls);
    const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const meta of metas) {
      byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
    }
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [property, list] of [...byProperty.entries()]) {
      properties[property] = propertySchema(cls, property, list, visit);
      if (!list.some((meta) => meta.type === 'conditionalValidation')) required.push(property);
    }
    into[cls.name] = {
      type: 'object',
      properties,
      ...(required.length > 0 ? { required } : {}),
    };
    return cls.name;
  };
  visit(root);
  return into;
}

function propertySchema(
  cls: Constructor,
  property: string,
  metas: ValidationMetadata[],
  visit: (cls: Constructor) => string,
): JsonSchema {
  const isArray = metas.some((meta) => ARRAY_VALIDATORS.has(meta.name ?? '') || meta.each);
  const designType = Reflect.getMetadata?.('design:type', cls.prototype, property);
  if (designType === Array && !isArray) {
    throw new Error(`${cls.name}.${property} is an array: give it @IsArray() or @ArrayMaxSize()`);
  }
  const value: JsonSchema = {};
  const array: JsonSchema = { type: 'array' };
  for (const meta of metas) {
    if (meta.type === 'conditionalValidation') continue;
    if (meta.type === 'nestedValidation') {
      const nested = defaultMetadataStorage.findTypeMetadata(cls, property);
      if (!nested) throw new Error(`${cls.name}.${property}: @ValidateNested needs @Type`);
      value.$ref = `#/components/schemas/${visit(nested.typeFunction() as Constructor)}`;
      continue;
    }
    if (meta.name === 'arrayMinSize') array.minItems = meta.constraints[0];
    else if (meta.name === 'arrayMaxSize') array.maxItems = meta.constraints[0];
    else if (meta.name === 'arrayNotEmpty') array.minItems = 1;
    else if (meta.name !== 'isArray') valueConstraint(meta, value);
  }
  if (value.$ref) return isArray ? { ...array, items: { $ref: value.$ref } } : { $ref: value.$ref };
  return isArray ? tidy({ ...array, items: tidy(value) }) : tidy(value);
}
