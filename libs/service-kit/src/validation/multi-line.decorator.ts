import 'reflect-metadata';

const MULTI_LINE = Symbol('metered:multi-line');

/**
 * Marks a text field people write on several lines (a reason, a note, an imported CSV):
 * tabs and line breaks may pass there; everywhere else they are refused like other controls.
 */
export function MultiLine(): PropertyDecorator {
  return (target, property) => Reflect.defineMetadata(MULTI_LINE, true, target, property);
}

/** Whether `owner` (a DTO instance or prototype) marks `property` as multi-line. */
export function isMultiLine(owner: object, property: string): boolean {
  return Reflect.getMetadata(MULTI_LINE, owner, property) === true;
}
