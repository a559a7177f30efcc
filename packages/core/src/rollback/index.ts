// Rollback: the request (parsed before any call), the guards and quarantine, replace-fleet's
// path to the earlier digest (one switch back inside a blue-green keep-warm window), the summary.
export * from './rollback-request.js';
export * from './rollback.js';
export * from './switch-back.js';
export * from './rollback-summary.js';
