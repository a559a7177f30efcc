import { configFromInputs } from '@kiln/core/config';
import {
  parseReplaceFleetRequest,
  RolledBackError,
  replaceFleet,
  replaceFleetSummary,
} from '@kiln/core/deploy';
import { ConfigurationError } from '@kiln/core/errors';
import { fromRecord } from '@kiln/core/inputs';
import { FileWitness, witnessFilePath } from '@kiln/core/ledger';
import { Registries } from '@kiln/core/oci';
import {
  kubeconfigFlag,
  parse,
  print,
  progress,
  registryFlags,
  registryOptions,
} from '../options.js';
import { USAGE } from '../usage.js';

/** The replace-fleet inputs, as flags of the same names. */
const names = [
  'image',
  'environment',
  'provider',
  'target',
  'strategy',
  'batch-size',
  'health-timeout',
  'auto-rollback',
  'quarantine-on-rollback',
  'keep-warm',
  'replicas',
  'port',
  'network',
  'docker-host',
  'health-cmd',
  'health-interval',
  'haproxy-socket',
  'haproxy-map',
  'preview-url',
  'config',
] as const;

/** `kiln deploy`: replace-fleet from a shell; a rolled-back deploy prints its summary and exits 2. */
export async function deploy(argv: string[]): Promise<number> {
  const options = {
    ...registryFlags,
    kubeconfig: { type: 'string' as const },
    ...Object.fromEntries(names.map((k) => [k, { type: 'string' as const }])),
  };
  const { values, positionals } = parse(argv, options);
  if (positionals.length)
    throw new ConfigurationError(
      `unexpected argument "${positionals[0]}"\nusage: kiln ${USAGE.deploy}`,
    );
  const v = values as Record<string, string | undefined>;
  const read = fromRecord({
    ...Object.fromEntries(names.map((k) => [k, v[k]])),
    kubeconfig: kubeconfigFlag(v.kubeconfig),
  });
  const request = parseReplaceFleetRequest(read, await configFromInputs(read, process.cwd()));
  const result = await replaceFleet(request, {
    registries: new Registries(registryOptions(values, request.image.registry)),
    log: progress,
    witness: new FileWitness(witnessFilePath(process.cwd())),
  });
  print(values.json as boolean | undefined, result, replaceFleetSummary(result));
  if (result.outcome === 'rolled-back') throw new RolledBackError(result);
  return 0;
}
