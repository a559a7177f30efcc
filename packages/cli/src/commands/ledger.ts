import { configFromInputs, type KilnConfig } from '@kiln/core/config';
import { ConfigurationError, invalidInput } from '@kiln/core/errors';
import { fromRecord, parseInteger } from '@kiln/core/inputs';
import {
  FileWitness,
  ledgerRepositoryFor,
  type StoredEntry,
  witnessedLedger,
  witnessFilePath,
} from '@kiln/core/ledger';
import { formatReference, type ImageReference, parseReference, Registries } from '@kiln/core/oci';
import { parse, print, registryFlags, registryOptions } from '../options.js';
import { USAGE } from '../usage.js';

const flags = {
  ...registryFlags,
  /** kiln.yml (default .github/kiln.yml when present) */
  config: { type: 'string' },
  /** the image repository (in place of kiln.yml's); its ledger unless kiln.yml names another */
  image: { type: 'string' },
  /** the repository the ledger is in, whatever kiln.yml says */
  'ledger-repository': { type: 'string' },
  /** `show`: the newest N entries only */
  limit: { type: 'string' },
} as const;

/** Exit code of `ledger verify` for a broken chain: the ledger is not what it claims. */
export const BROKEN_CHAIN_EXIT = 2;

const repositoryOf = (value: string, flag: string): ImageReference => {
  const ref = parseReference(value);
  if (ref.digest || ref.tag)
    throw invalidInput(
      flag,
      value,
      'name a repository (no tag, no digest): the ledger is per repository',
    );
  return ref;
};

/** `kiln ledger show ENV` / `kiln ledger verify ENV`: an environment's chain, read only. */
export async function ledger(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, flags);
  const [sub, env, ...extra] = positionals;
  if ((sub !== 'show' && sub !== 'verify') || !env || extra.length)
    throw new ConfigurationError(`usage: kiln ${USAGE.ledger}`);
  const config = await configFromInputs(
    fromRecord({ config: values.config }),
    process.cwd(),
    values.image !== undefined ? { image: values.image } : {},
  );
  const repository = values['ledger-repository']
    ? repositoryOf(values['ledger-repository'], '--ledger-repository')
    : values.image !== undefined || config
      ? ledgerRepositoryFor(
          config,
          env,
          values.image !== undefined
            ? repositoryOf(values.image, '--image')
            : (config as KilnConfig).image,
        )
      : undefined;
  if (!repository)
    throw new ConfigurationError(
      'name the ledger: --ledger-repository REPO, --image REPO, or a .github/kiln.yml with image: (or --config F)',
    );
  const limit =
    values.limit !== undefined
      ? parseInteger('--limit', values.limit, undefined, { min: 1 })
      : Infinity;
  const registries = new Registries(registryOptions(values, repository.registry));
  const witness = new FileWitness(witnessFilePath(process.cwd()));
  const chain = await witnessedLedger(
    registries.repository(repository.registry, repository.repository),
    env,
    witness,
    { log: (line) => process.stderr.write(`${line}\n`) },
  );
  const where = `${formatReference(repository)}:${chain.tag}`;

  if (sub === 'show') {
    const history = await chain.history(limit);
    print(
      values.json,
      history.map((s) => ({ ...s.entry, entry: s.digest })),
      history.length ? historyTable(history) : `no entries in ${where}\n`,
    );
    return 0;
  }
  const result = await chain.verify();
  const w = chain.witnessed;
  const witnessed = w ? `; witnessed head #${w.seq} on the chain (${w.source})` : '; no witness';
  print(
    values.json,
    { ledger: where, ...result, ...(w ? { witness: w } : {}) },
    result.ok
      ? `${where}: ${result.entries} entries, chain intact${witnessed}\n`
      : `${where}: broken at seq ${result.brokenAt}: ${result.reason}\n`,
  );
  return result.ok ? 0 : BROKEN_CHAIN_EXIT;
}

/** Newest first: seq, action, digest, outcome, at, actor (columns padded to their widest cell). */
export function historyTable(history: readonly StoredEntry[]): string {
  const rows = [
    ['seq', 'action', 'digest', 'outcome', 'at', 'actor'],
    ...history.map(({ entry: e }) => [
      String(e.seq),
      e.action,
      e.digest,
      e.outcome,
      e.at,
      e.actor || '-',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
