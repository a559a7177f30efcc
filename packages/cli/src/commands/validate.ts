import { ConfigurationError } from '@kiln/core/errors';
import { fromRecord } from '@kiln/core/inputs';
import { parseValidateRequest } from '@kiln/core/validate/request';
import { parse, print, progress, registryFlags, registryOptions } from '../options.js';
import { USAGE } from '../usage.js';

const validateUsage = USAGE.validate;

const names = [
  'image',
  'policy',
  'expect-revision',
  'smoke',
  'health-cmd',
  'health-url',
  'smoke-timeout',
  'platform',
] as const;

export async function validate(argv: string[]): Promise<number> {
  const options = {
    ...registryFlags,
    ...Object.fromEntries(names.map((k) => [k, { type: 'string' as const }])),
  };
  const { values, positionals } = parse(argv, options);
  if (positionals.length)
    throw new ConfigurationError(
      `unexpected argument "${positionals[0]}"\nusage: kiln ${validateUsage}`,
    );
  const v = values as Record<string, string | undefined>;
  const request = parseValidateRequest(fromRecord(Object.fromEntries(names.map((k) => [k, v[k]]))));
  // Flags are checked before the policy engine and the registry client load.
  const [{ validateImage, validationSummary }, { Registries }] = await Promise.all([
    import('@kiln/core/validate'),
    import('@kiln/core/oci'),
  ]);
  const result = await validateImage(
    request,
    new Registries(
      registryOptions(
        values,
        request.location.kind === 'registry' ? request.location.ref.registry : undefined,
      ),
    ),
    {
      log: progress,
    },
  );
  print(
    values.json as boolean | undefined,
    { ...result, policy: undefined },
    validationSummary(result),
  );
  return result.result === 'pass' ? 0 : 3;
}
