// Public subpath @metered/contracts/reference: reference data and identifier shapes with no
// imports at all — safe for the browser bundle (apps/web) and for framework-free domains
// (libs/replenishment, apps/*/domain). Everything here is also exported by @metered/contracts.
export * from './countries';
export * from './identifiers';
export * from './ship-to';
export * from './telemetry-reading';
