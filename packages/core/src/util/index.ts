// Small helpers every domain shares.
export * from './retry.js';
export * from './map-limit.js';
export * from './temp-dir.js';
export * from './activity.js';
