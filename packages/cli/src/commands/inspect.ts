import { ConfigurationError } from '@kiln/core/errors';
import { formatLocation, parseLocation } from '@kiln/core/oci/location';
import { parse, print, registryFlags, registryOptions } from '../options.js';
import { USAGE } from '../usage.js';

const inspectUsage = USAGE.inspect;

export async function inspect(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, registryFlags);
  if (positionals.length !== 1) throw new ConfigurationError(`usage: kiln ${inspectUsage}`);
  const loc = parseLocation(positionals[0] as string, 'REF');
  // Arguments are checked before the registry client loads.
  const { inspectImage, openStore, platformString, Registries, resolveLocation } =
    await import('@kiln/core/oci');
  const store = openStore(loc, new Registries(registryOptions(values)));
  const digest = await resolveLocation(loc, store);
  const r = await inspectImage(store, digest);
  const lines = [
    `image:      ${formatLocation(loc)}`,
    `digest:     ${r.digest}`,
    `media type: ${r.mediaType}`,
    `size:       ${r.size} bytes`,
    ...r.images.flatMap((i) => [
      `platform:   ${platformString(i.platform)}  ${i.digest}`,
      ...i.layers.map((l, n) => `  layer ${n + 1}: ${l.digest}  ${l.size} bytes  ${l.mediaType}`),
    ]),
  ];
  print(values.json, r, lines.join('\n') + '\n');
  return 0;
}
