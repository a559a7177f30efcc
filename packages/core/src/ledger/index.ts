// The ledger domain: entries and chain (pure), the store on OCI artifacts, and the queries.
export * from './entry.js';
export * from './chain.js';
export * from './errors.js';
export * from './store.js';
export * from './queries.js';
export * from './ledger-repository.js';
export * from './witness.js';
export * from './witness-file.js';
export * from './quarantine-scope.js';
