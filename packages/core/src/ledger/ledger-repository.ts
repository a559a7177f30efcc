import type { KilnConfig } from '../config/kiln-config.js';
import { type ImageReference, repositoryName } from '../oci/reference.js';

// Light (no zod, no store): input parsers decide where a ledger is before anything loads.

/**
 * Where an environment's ledger lives, for an image in `image`: kiln.yml's `ledger.repository`
 * when it names a repository of its own, else the image's repository (else kiln.yml's image).
 */
export function ledgerRepositoryFor(
  config: KilnConfig | undefined,
  image: ImageReference | undefined,
): ImageReference | undefined {
  const own =
    config && repositoryName(config.ledger.repository) !== repositoryName(config.image)
      ? config.ledger.repository
      : undefined;
  const repo = own ?? image ?? config?.image;
  return repo && { registry: repo.registry, repository: repo.repository };
}
