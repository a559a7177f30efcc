export * from './errors.js';
export * as log from './log.js';
export * from './inputs/parse.js';
export * from './inputs/source.js';
export * from './oci/digest.js';
export * from './oci/reference.js';
export * from './util/retry.js';
