// The bake domain: request parsing, the native and Dockerfile bakers, the summary.
export * from './copy-spec.js';
export * from './layer-writer.js';
export * from './bake-request.js';
export * from './bake.js';
export * from './bake-image.js';
export * from './bake-summary.js';
export * from './dockerfile-baker.js';
export { RACY_NS } from './file-index.js';
