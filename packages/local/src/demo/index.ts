// `npm run demo`'s story, and the workspace and task checks it shares with the e2e tests.
export * from './demo-error.js';
export * from './run-demo.js';
export * from './task-digests.js';
export * from './workspace.js';
