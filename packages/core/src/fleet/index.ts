// Fleets: the provider interface, the N/N proof, the provider factory and the local router.
// Providers themselves load through loadProvider, with import().
export * from './provider.js';
export * from './converged.js';
export * from './providers.js';
export * from './haproxy/config.js';
export * from './haproxy/runtime-api.js';
export * from './haproxy/router.js';
