import { parseBakeRequest } from '@kiln/core/bake/request';
import { ConfigurationError } from '@kiln/core/errors';
import { fromRecord } from '@kiln/core/inputs';
import { parse, print, progress, registryFlags, registryOptions } from '../options.js';
import { USAGE } from '../usage.js';

const bakeUsage = USAGE.bake;

const single = [
  'image',
  'context',
  'dockerfile',
  'base',
  'entrypoint',
  'cmd',
  'workdir',
  'user',
  'healthcheck',
  'platform',
  'source-date-epoch',
  'push',
  'output',
  'verify-reproducible',
] as const;
const multi = ['copy', 'env', 'label', 'tag', 'expose'] as const;

export async function bake(argv: string[]): Promise<number> {
  const options = {
    ...registryFlags,
    ...Object.fromEntries(single.map((k) => [k, { type: 'string' as const }])),
    ...Object.fromEntries(multi.map((k) => [k, { type: 'string' as const, multiple: true }])),
  };
  const { values, positionals } = parse(argv, options);
  if (positionals.length)
    throw new ConfigurationError(
      `unexpected argument "${positionals[0]}"\nusage: kiln ${bakeUsage}`,
    );
  const v = values as Record<string, string | string[] | boolean | undefined>;
  const lines = (k: string): string | undefined =>
    Array.isArray(v[k]) ? (v[k] as string[]).join('\n') : undefined;
  const inputs: Record<string, string | undefined> = Object.fromEntries(
    single.map((k) => [k, v[k] as string | undefined]),
  );
  inputs.copy = lines('copy');
  inputs.env = lines('env');
  inputs.labels = lines('label');
  inputs.tags = lines('tag');
  inputs.expose = lines('expose');
  const request = parseBakeRequest(fromRecord(inputs));
  // Flags are checked before the bakers and the registry client load.
  const [{ bakeImage }, { Registries }] = await Promise.all([
    import('@kiln/core/bake'),
    import('@kiln/core/oci'),
  ]);
  const result = await bakeImage(
    request,
    new Registries(registryOptions(values, request.repository?.registry)),
    progress,
  );
  print(values.json as boolean | undefined, result, `${result.image}\n`);
  return 0;
}
