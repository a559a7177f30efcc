import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError, parseList, type RegistryOptions } from '@kiln/core';

/** Flags every command that talks to a registry accepts, mirroring the actions' common inputs. */
export const registryFlags = {
  'registry-username': { type: 'string' },
  'registry-password': { type: 'string' },
  'insecure-registries': { type: 'string' },
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

export function registryOptions(values: Record<string, unknown>): RegistryOptions {
  const env = process.env;
  const username =
    (values['registry-username'] as string | undefined) ?? env.KILN_REGISTRY_USERNAME;
  // A password on the command line lands in shell history; prefer the environment variable.
  const password =
    (values['registry-password'] as string | undefined) ?? env.KILN_REGISTRY_PASSWORD;
  const insecure =
    (values['insecure-registries'] as string | undefined) ?? env.KILN_INSECURE_REGISTRIES ?? '';
  const o: RegistryOptions = { insecureRegistries: parseList(insecure, { commas: true }) };
  if (username) o.username = username;
  if (password) o.password = password;
  return o;
}

export function print(json: boolean | undefined, value: unknown, text: string): void {
  process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text);
}
