// Roles and identifier shapes are shared with the services (the same patterns are checked there).
export * from '../../../../libs/contracts/src/reference/identifiers';
