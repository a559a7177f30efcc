import { configFromInputs } from '@kiln/core/config';
import { ConfigurationError } from '@kiln/core/errors';
import { readRunContext } from '@kiln/core/github/context';
import { fromRecord } from '@kiln/core/inputs';
import { FileWitness, witnessFilePath } from '@kiln/core/ledger';
import { Registries } from '@kiln/core/oci';
import { parsePromoteRequest, promote } from '@kiln/core/promote';
import { parse, print, progress, registryFlags, registryOptions } from '../options.js';
import { USAGE } from '../usage.js';

/** The flags are the action's inputs. */
const names = [
  'image',
  'from-environment',
  'to-environment',
  'to-image',
  'require-validation',
  'require-healthy',
  'min-soak',
  'config',
] as const;

/** `kiln promote`: the promote action from a terminal; gates on stderr, the result on stdout. */
export async function promoteCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...registryFlags,
    ...Object.fromEntries(names.map((k) => [k, { type: 'string' as const }])),
  });
  if (positionals.length)
    throw new ConfigurationError(
      `unexpected argument "${positionals[0]}"\nusage: kiln ${USAGE.promote}`,
    );
  const v = values as Record<string, string | undefined>;
  const read = fromRecord(Object.fromEntries(names.map((k) => [k, v[k]])));
  const config = await configFromInputs(read, process.cwd());
  const request = parsePromoteRequest(read, config);
  const ctx = readRunContext();
  const r = await promote(request, {
    registries: new Registries(registryOptions(values, request.target.registry)),
    context: {
      actor: ctx.actor ?? process.env.USER ?? '',
      commit: ctx.commit ?? '',
      run_url: ctx.runUrl ?? '',
    },
    log: progress,
    witness: new FileWitness(witnessFilePath(process.cwd())),
  });
  const c = r.copy;
  print(
    values.json as boolean | undefined,
    r,
    [
      r.image,
      `  ${r.from ?? r.source} -> ${r.to}: ${r.gates.filter((g) => g.status === 'pass').length} gates passed`,
      `  ${c.blobs} blobs: ${c.copiedBytes} bytes copied, ${c.mountedBlobs} mounted, ${c.skippedBlobs} already there; ${c.referrers?.length ?? 0} referrers`,
      `  ledger ${r.ledger.repository}: ${r.ledger.entry.entry.action} seq ${r.ledger.entry.entry.seq} ${r.ledger.entry.digest}`,
      '',
    ].join('\n'),
  );
  return 0;
}
