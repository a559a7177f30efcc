import { invalidInput } from '../errors.js';
import type { ImageReference } from '../oci/reference.js';
import type { EnvironmentConfig, KilnConfig } from './kiln-config.js';
import { didYouMean } from './yaml-source.js';

/**
 * The environment `name` of the config, for the input that named it; an unknown name is the
 * user's to fix, and the error lists the names the config has.
 */
export function environment(
  config: KilnConfig,
  name: string,
  input = 'environment',
): EnvironmentConfig {
  const env = config.environments.get(name);
  if (env) return env;
  const known = [...config.environments.keys()];
  throw invalidInput(
    input,
    name,
    `${config.source.file} has no such environment${didYouMean(name, known)}; its environments: ${known.join(', ')}`,
  );
}

/**
 * The environment a digest must come from before it may run in `env` (its `requires`), or
 * undefined when it may come from anywhere.
 */
export function requiredSource(
  config: KilnConfig,
  env: string | EnvironmentConfig,
): EnvironmentConfig | undefined {
  const target = typeof env === 'string' ? environment(config, env) : env;
  // parseConfig proved that `requires` names an environment of the same config.
  return target.requires === undefined ? undefined : config.environments.get(target.requires);
}

/** The repository `env` runs images from: its own `image:`, else the config's. */
export function environmentRepository(
  config: KilnConfig,
  env: string | EnvironmentConfig,
): ImageReference {
  const e = typeof env === 'string' ? environment(config, env) : env;
  const ref = e.image ?? config.image;
  return { registry: ref.registry, repository: ref.repository };
}
