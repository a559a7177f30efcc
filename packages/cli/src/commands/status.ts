import { DEFAULT_CONFIG_PATH, loadConfig } from '@kiln/core/config';
import { ConfigurationError } from '@kiln/core/errors';
import { parse, print, registryFlags, registryOptions } from '../options.js';
import { USAGE } from '../usage.js';

const flags = {
  ...registryFlags,
  /** kiln.yml (default .github/kiln.yml) */
  config: { type: 'string' },
  /** the image repository in place of the config's (e.g. the demo's registry) */
  image: { type: 'string' },
} as const;

/** `kiln status`: the environments table; the registry and the engines are only read. */
export async function status(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, flags);
  if (positionals.length) throw new ConfigurationError(`usage: kiln ${USAGE.status}`);
  const config = await loadConfig(values.config ?? DEFAULT_CONFIG_PATH, {
    ...(values.image !== undefined ? { image: values.image } : {}),
  });
  // The config is checked before the registry client and the status domain load.
  const [{ formatReference, Registries }, { environmentsStatus, formatStatus }] = await Promise.all(
    [import('@kiln/core/oci'), import('@kiln/core/status')],
  );
  const ledger = config.ledger.repository;
  const registries = new Registries(registryOptions(values, ledger.registry));
  const rows = await environmentsStatus(config, {
    store: registries.repository(ledger.registry, ledger.repository),
    ...(process.env.DOCKER_HOST ? { dockerHost: process.env.DOCKER_HOST } : {}),
  });
  const json = {
    config: config.source.file,
    image: formatReference(config.image),
    ledger: formatReference(ledger),
    environments: rows,
  };
  print(values.json, json, formatStatus(rows) + '\n');
  return 0;
}
