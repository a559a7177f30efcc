// The deploy domain: replace-fleet's request, the deploy core (gates -> provider -> ledger ->
// GitHub deployment statuses) and its job summary. rollback goes through the same core.
export * from './deploy-request.js';
export * from './replace-fleet.js';
export * from './deploy-summary.js';
export * from './quarantine-rolled-back.js';
