// Typed input parsing shared by the actions and the CLI.
export * from './parse.js';
export * from './source.js';
export * from './registry-inputs.js';
