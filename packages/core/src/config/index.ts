// .github/kiln.yml: environments, providers and the ledger's place, checked with positions.
// parse-config (zod, the schema) and yaml load on first use: see load-config.ts.
export * from './kiln-config.js';
export * from './load-config.js';
export * from './queries.js';
export type { ParseConfigOptions } from './parse-config.js';
