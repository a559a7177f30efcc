// The embedded default: what `npm run env`, the demo, the tests and the benchmarks start and use.
export * from './environment.js';
export * from './nodes.js';
export * from './services.js';
export * from './packages.js';
export * from './balancer.js';
export * from './busybox-base.js';
export * from './sample-app.js';
export * from './fault-proxy.js';
export * from './runner/index.js';
export * from './demo/index.js';
