import type { RegistryOptions } from '../oci/registries.js';
import { setSecret } from '../log.js';
import { parseDuration, parseList } from './parse.js';
import type { InputReader } from './source.js';

/** Default `timeout`: the time an action's registry traffic may take in all. */
export const DEFAULT_REGISTRY_TIMEOUT_MS = 30 * 60_000;

/**
 * The inputs every registry-touching action shares: credentials, insecure hosts, timeout. The
 * credentials go to `target` (the registry the action writes to) only, when it is given.
 */
export function registryOptionsFrom(read: InputReader, target?: string): RegistryOptions {
  const username = read('registry-username').trim();
  const password = read('registry-password');
  setSecret(password);
  const o: RegistryOptions = {
    insecureRegistries: parseList(read('insecure-registries'), { commas: true }),
    timeoutMs: parseDuration('timeout', read('timeout'), DEFAULT_REGISTRY_TIMEOUT_MS),
  };
  if (username) o.username = username;
  if (password) o.password = password;
  if (target) o.credentialsRegistry = target;
  return o;
}
