export * from './context.js';
export * from './client.js';
export * from './check-run.js';
export * from './deployments.js';
export * from './permission.js';
export * as summary from './summary.js';
export * from './ledger-witness.js';
