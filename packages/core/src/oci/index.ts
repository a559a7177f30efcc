// The OCI domain: references, registries, image stores, copy, referrers, inspection.
export * from './digest.js';
export * from './reference.js';
export * from './media-types.js';
export * from './manifest.js';
export * from './manifest-tree.js';
export * from './store.js';
export * from './location.js';
export * from './open-store.js';
export * from './registries.js';
export * from './copy.js';
export * from './referrers.js';
export * from './inspect.js';
export { OciLayout } from './layout/oci-layout.js';
export { RegistryRepository } from './registry/repository.js';
export {
  RegistryError,
  RegistryRequestError,
  TransferError,
  ResponseTooLargeError,
  InsecureRealmError,
  DigestMismatchError,
} from './registry/errors.js';
export { undoLayoutWriteOnFailure } from './layout/layout-undo.js';
