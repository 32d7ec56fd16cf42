// Roles and identifier shapes are shared with the services (the same patterns are checked there).
export {
  normaliseIdentifier,
  REORDER_NUMBER_PATTERN,
  ROLES,
  SERIAL_NUMBER_PATTERN,
} from '../../../../libs/contracts/src/reference';
export type { Role } from '../../../../libs/contracts/src/reference';
