import { configFromInputs } from '@kiln/core/config';
import { ConfigurationError } from '@kiln/core/errors';
import { fromRecord } from '@kiln/core/inputs';
import { FileWitness, witnessFilePath } from '@kiln/core/ledger';
import { Registries } from '@kiln/core/oci';
import {
  parseRollbackRequest,
  rollback as rollBack,
  rollbackFailure,
  rollbackSummary,
} from '@kiln/core/rollback';
import {
  kubeconfigFlag,
  parse,
  print,
  progress,
  registryFlags,
  registryOptions,
} from '../options.js';
import { USAGE } from '../usage.js';

/** The rollback inputs, as flags of the same names. */
const names = [
  'environment',
  'to',
  'reason',
  'quarantine',
  'image',
  'provider',
  'target',
  'strategy',
  'batch-size',
  'health-timeout',
  'auto-rollback',
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

/** `kiln rollback`: the rollback action from a shell; a target that did not come up, or a quarantine not written, exits 2. */
export async function rollback(argv: string[]): Promise<number> {
  const options = {
    ...registryFlags,
    kubeconfig: { type: 'string' as const },
    ...Object.fromEntries(names.map((k) => [k, { type: 'string' as const }])),
  };
  const { values, positionals } = parse(argv, options);
  if (positionals.length)
    throw new ConfigurationError(
      `unexpected argument "${positionals[0]}"\nusage: kiln ${USAGE.rollback}`,
    );
  const v = values as Record<string, string | undefined>;
  const read = fromRecord({
    ...Object.fromEntries(names.map((k) => [k, v[k]])),
    kubeconfig: kubeconfigFlag(v.kubeconfig),
  });
  const request = parseRollbackRequest(read, await configFromInputs(read, process.cwd()));
  const result = await rollBack(request, {
    registries: new Registries(registryOptions(values, request.repository.registry)),
    log: progress,
    witness: new FileWitness(witnessFilePath(process.cwd())),
  });
  print(values.json as boolean | undefined, result, rollbackSummary(result));
  const failure = rollbackFailure(result);
  if (failure) throw failure;
  return 0;
}
