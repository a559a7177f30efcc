import type { RegistryOptions } from '../oci/registries.js';
import { setSecret } from '../log.js';
import { parseList } from './parse.js';
import type { InputReader } from './source.js';

/**
 * The inputs every registry-touching action shares: credentials and insecure hosts. The
 * credentials go to `target` (the registry the action writes to) only, when it is given.
 */
export function registryOptionsFrom(read: InputReader, target?: string): RegistryOptions {
  const username = read('registry-username').trim();
  const password = read('registry-password');
  setSecret(password);
  const o: RegistryOptions = {
    insecureRegistries: parseList(read('insecure-registries'), { commas: true }),
  };
  if (username) o.username = username;
  if (password) o.password = password;
  if (target) o.credentialsRegistry = target;
  return o;
}
