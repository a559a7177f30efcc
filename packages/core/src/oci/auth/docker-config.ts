import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigurationError, errorMessage } from '../../errors.js';
import { registryHost } from './registry-host.js';

/** One `auths` entry with its `auth` field already decoded. */
export interface AuthEntry {
  username?: string;
  password?: string;
  identityToken?: string;
  registryToken?: string;
}

/** The parts of a Docker `config.json` that hold credentials, keyed by host[:port]. */
export interface DockerConfig {
  path: string;
  /** Entries per host, in file order; several keys (`ghcr.io`, `https://ghcr.io`) may share one. */
  auths: Map<string, { key: string; entry: AuthEntry }[]>;
  credHelpers: Map<string, string>;
  credsStore?: string;
}

// A helper name becomes part of an executable name, so it must not point elsewhere on disk.
const helperName = z
  .string()
  .regex(/^[^/\\]*$/, 'a credential helper name must not contain / or \\');

const authEntry = z
  .object({
    auth: z.string().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
    identitytoken: z.string().optional(),
    registrytoken: z.string().optional(),
  })
  .loose() // email, serveraddress and fields of newer Docker versions are not ours to reject
  .transform((e, ctx): AuthEntry => {
    let { username, password } = e;
    if (e.auth) {
      const decoded = decodeAuth(e.auth);
      if (!decoded) {
        ctx.addIssue({
          code: 'custom',
          path: ['auth'],
          message: 'must be base64 of "username:password"',
        });
        return z.NEVER;
      }
      ({ username, password } = decoded);
    }
    return clean({
      username,
      password,
      identityToken: e.identitytoken,
      registryToken: e.registrytoken,
    });
  });

const configSchema = z
  .object({
    auths: z.record(z.string(), authEntry).nullish(),
    credHelpers: z.record(z.string(), helperName).nullish(),
    credsStore: helperName.nullish(),
  })
  .loose(); // the file also holds CLI settings (psFormat, proxies, …) that do not concern us

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`, as the Docker CLI looks it up. */
export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  if (env.DOCKER_CONFIG) return join(env.DOCKER_CONFIG, 'config.json');
  return join(env.HOME || homedir(), '.docker', 'config.json');
}

/** Reads and validates a config file; undefined when there is none. */
export async function readDockerConfig(path: string): Promise<DockerConfig | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigurationError(`Cannot read Docker config ${path}: ${errorMessage(err)}`);
  }
  // The Docker CLI accepts an empty file as an empty config.
  if (text.trim() === '') return { path, auths: new Map(), credHelpers: new Map() };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigurationError(
      `Docker config ${path} is not valid JSON: ${jsonProblem(err, text)}`,
    );
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    throw new ConfigurationError(`Docker config ${path} is invalid: ${problems.join('; ')}`);
  }

  const config: DockerConfig = { path, auths: new Map(), credHelpers: new Map() };
  for (const [key, entry] of Object.entries(parsed.data.auths ?? {})) {
    const host = registryHost(key);
    config.auths.set(host, [...(config.auths.get(host) ?? []), { key, entry }]);
  }
  for (const [key, name] of Object.entries(parsed.data.credHelpers ?? {})) {
    // An empty name means "no helper", as for credsStore below.
    if (name) config.credHelpers.set(registryHost(key), name);
  }
  if (parsed.data.credsStore) config.credsStore = parsed.data.credsStore;
  return config;
}

/**
 * The `auths` entry for a host[:port] that holds credentials. A key written as the bare host
 * wins over its aliases (`https://…`, Docker Hub's other names); entries without a secret are
 * skipped, since `docker login` with a credsStore leaves `{}` there.
 */
export function findAuth(config: DockerConfig, host: string): AuthEntry | undefined {
  const candidates = [...(config.auths.get(host) ?? [])].sort(
    (a, b) => Number(b.key === host) - Number(a.key === host),
  );
  const found = candidates.find(
    ({ entry }) => entry.password || entry.identityToken || entry.registryToken,
  );
  return found && { ...found.entry };
}

function decodeAuth(auth: string): { username: string; password: string } | undefined {
  const trimmed = auth.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(trimmed)) return undefined;
  const decoded = Buffer.from(trimmed, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  // Passwords may contain ':'; Docker also strips NUL padding some tools leave behind.
  return {
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1).replace(/\0+$/, ''),
  };
}

/** Drops empty fields so callers can test presence with a plain truthiness check. */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as T;
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((p, i) =>
      typeof p === 'string' && /^[A-Za-z_]\w*$/.test(p)
        ? `${i ? '.' : ''}${p}`
        : `[${JSON.stringify(String(p))}]`,
    )
    .join('');
}

/**
 * V8 quotes the start of the input in some JSON errors; a config file holds secrets, so keep
 * only the problem and where it is.
 */
function jsonProblem(err: unknown, text: string): string {
  const message = errorMessage(err).replace(/, ".*" is not valid JSON$/s, '');
  const at = /at position (\d+)/.exec(message);
  if (!at || /\bline\b/.test(message)) return message;
  const before = text.slice(0, Number(at[1])).split('\n');
  return `${message} (line ${before.length}, column ${(before.at(-1) ?? '').length + 1})`;
}
