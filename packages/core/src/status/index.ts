// `kiln status`: each environment's digest, N/N, since when, ledger head and last known-good.
export * from './status.js';
export * from './status-format.js';
