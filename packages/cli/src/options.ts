import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError } from '@kiln/core/errors';
import * as log from '@kiln/core/log';
import { fromRecord, registryOptionsFrom } from '@kiln/core/inputs';
import { type RegistryOptions } from '@kiln/core/oci';

/** Flags every command that talks to a registry accepts, mirroring the actions' common inputs. */
export const registryFlags = {
  'registry-username': { type: 'string' },
  'registry-password': { type: 'string' },
  'insecure-registries': { type: 'string' },
  /** time all registry traffic may take (e.g. 30m); KILN_TIMEOUT; default 30m, 0 = none */
  timeout: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true });
  } catch (err) {
    throw new ConfigurationError((err as Error).message);
  }
}

/** `target`: the registry the command writes to, the only one given the explicit credentials. */
export function registryOptions(values: Record<string, unknown>, target?: string): RegistryOptions {
  const env = process.env;
  // A password on the command line lands in shell history; the environment variable is preferred.
  return registryOptionsFrom(
    fromRecord({
      'registry-username':
        (values['registry-username'] as string | undefined) ?? env.KILN_REGISTRY_USERNAME,
      'registry-password':
        (values['registry-password'] as string | undefined) ?? env.KILN_REGISTRY_PASSWORD,
      'insecure-registries':
        (values['insecure-registries'] as string | undefined) ?? env.KILN_INSECURE_REGISTRIES,
      timeout: (values.timeout as string | undefined) ?? env.KILN_TIMEOUT,
    }),
    target,
  );
}

/**
 * A command's result on stdout: JSON, or text through the logger's writer. Both are safe to
 * print on a runner whatever an image or a registry put in them (see log.ts).
 */
export function print(json: boolean | undefined, value: unknown, text: string): void {
  if (json) process.stdout.write(log.jsonText(value) + '\n');
  else log.write(process.stdout, text.replace(/\n$/, ''));
}

/** Progress lines go to stderr, so stdout holds only the result. */
export const progress = (line: string): void => log.write(process.stderr, line);

/**
 * `--kubeconfig FILE` (a path, as kubectl takes it): the file's content, which the fleet inputs
 * take as `kubeconfig` and mask before parsing. Unset: the provider's own default applies.
 */
export function kubeconfigFlag(path: string | undefined): string | undefined {
  if (path === undefined || path.trim() === '') return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigurationError(
      `Flag "--kubeconfig" has value "${path}": the file cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
}
