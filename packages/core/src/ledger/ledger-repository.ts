import type { KilnConfig } from '../config/kiln-config.js';
import { environmentRepository } from '../config/queries.js';
import { invalidInput } from '../errors.js';
import { type ImageReference, repositoryName } from '../oci/reference.js';

// Light (no zod, no store): input parsers decide where a ledger is before anything loads.

const repositoryOf = (ref: ImageReference): ImageReference => ({
  registry: ref.registry,
  repository: ref.repository,
});

/**
 * Where `env`'s ledger lives: kiln.yml's `ledger.repository` when it names a repository of its
 * own, else the environment's repository (its `image:`, else kiln.yml's). Without kiln.yml, the
 * repository of the image the inputs name: there is no other to go by.
 */
export function ledgerRepositoryFor(
  config: KilnConfig | undefined,
  env: string,
  image: ImageReference,
): ImageReference {
  if (!config) return repositoryOf(image);
  const own = repositoryName(config.ledger.repository) !== repositoryName(config.image);
  return repositoryOf(own ? config.ledger.repository : environmentRepository(config, env));
}

/**
 * Refuses an image outside `env`'s repository, before any remote call: the ledger and the
 * quarantine lookup follow the environment, never a repository the input chose (a byte-
 * identical copy elsewhere would otherwise escape both). Without kiln.yml there is nothing to
 * compare with.
 */
export function requireEnvironmentRepository(
  config: KilnConfig | undefined,
  env: string,
  image: ImageReference,
  input: string,
  raw: string,
): void {
  if (!config) return;
  const want = environmentRepository(config, env);
  if (repositoryName(image) === repositoryName(want)) return;
  throw invalidInput(
    input,
    raw,
    `is in ${repositoryName(image)}, but ${env} runs images from ${repositoryName(want)} (${config.source.file}): name an image of that repository (promote copies it there)`,
  );
}

/** An environment's ledger: its name and the repository it lives in. */
export interface LedgerRef {
  env: string;
  repository: ImageReference;
}

/**
 * Every ledger kiln.yml names, one per environment: a quarantine in any of them refuses the
 * digest everywhere, whichever repository or registry its bytes are in.
 */
export function configLedgers(config: KilnConfig | undefined): LedgerRef[] {
  if (!config) return [];
  return [...config.environments.keys()].map((env) => ({
    env,
    repository: ledgerRepositoryFor(config, env, config.image),
  }));
}
