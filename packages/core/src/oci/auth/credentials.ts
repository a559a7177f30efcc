import { ConfigurationError } from '../../errors.js';
import { setSecret } from '../../log.js';
import { getFromHelper } from './credential-helper.js';
import {
  type DockerConfig,
  dockerConfigPath,
  findAuth,
  readDockerConfig,
} from './docker-config.js';
import { helperServerURL, registryHost } from './registry-host.js';
import type { Credentials } from './types.js';

export type { Credentials } from './types.js';

export interface CredentialOptions {
  username?: string;
  password?: string;
  /** Default: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
  configPath?: string;
  /** Environment for variables and for finding credential helpers on PATH; default process.env. */
  env?: NodeJS.ProcessEnv;
}

const GHCR = 'ghcr.io';

/**
 * Credentials for a registry, or undefined to go anonymous. Order: the explicit
 * `registry-username`/`registry-password` inputs; the Docker config (`credHelpers`, then
 * `auths`, then `credsStore`); for ghcr.io, `GITHUB_TOKEN`. Every secret found is registered
 * with setSecret before it is returned.
 */
export async function resolveCredentials(
  registry: string,
  opts: CredentialOptions = {},
): Promise<Credentials | undefined> {
  const credentials = await find(registry, opts);
  if (credentials) {
    setSecret(credentials.password);
    setSecret(credentials.identityToken);
    setSecret(credentials.registryToken);
  }
  return credentials;
}

async function find(registry: string, opts: CredentialOptions): Promise<Credentials | undefined> {
  const env = opts.env ?? process.env;
  // Action inputs that were not given arrive as empty strings.
  const { username, password } = opts;
  if (username && password) return { username, password };
  if (username || password) {
    const [given, missing] = username
      ? ['registry-username', 'registry-password']
      : ['registry-password', 'registry-username'];
    throw new ConfigurationError(
      `Input "${given}" is set but "${missing}" is empty: give both, or neither to use the Docker config`,
    );
  }

  const host = registryHost(registry);
  const config = await readDockerConfig(opts.configPath ?? dockerConfigPath(env));
  const fromConfig = config ? await fromDockerConfig(config, host, env) : undefined;
  if (fromConfig) return fromConfig;

  // GITHUB_TOKEN can read and write the workflow repository's packages on GHCR.
  if (host === GHCR && env.GITHUB_TOKEN) {
    return { username: env.GITHUB_ACTOR || 'x-access-token', password: env.GITHUB_TOKEN };
  }
  return undefined;
}

async function fromDockerConfig(
  config: DockerConfig,
  host: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | undefined> {
  // A per-registry helper is authoritative for its registry, as in the Docker CLI.
  const helper = config.credHelpers.get(host);
  if (helper) {
    return getFromHelper(helper, helperServerURL(host), {
      env,
      origin: `credHelpers["${host}"] in ${config.path}`,
    });
  }
  const auth = findAuth(config, host);
  if (auth) return auth;
  if (config.credsStore) {
    return getFromHelper(config.credsStore, helperServerURL(host), {
      env,
      origin: `credsStore in ${config.path}`,
    });
  }
  return undefined;
}
