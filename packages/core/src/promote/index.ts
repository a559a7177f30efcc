// promote: request (inputs) → promote (gates, copy with referrers, read back, ledger entry) → summary.
export * from './promote-request.js';
export * from './promote.js';
export * from './promote-summary.js';
