import { createHash } from 'node:crypto';
import { ConfigurationError } from '../errors.js';

/** OCI digest: algorithm ":" encoded. Only registered algorithms are accepted. */
const ALGORITHMS: Record<string, RegExp> = {
  sha256: /^[a-f0-9]{64}$/,
  sha512: /^[a-f0-9]{128}$/,
};
const GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

export type Digest = `${string}:${string}`;

export function digestProblem(value: string): string | undefined {
  if (!GRAMMAR.test(value)) return 'must be algorithm:hex, e.g. sha256:<64 hex characters>';
  const [alg, hex] = value.split(':') as [string, string];
  const rule = ALGORITHMS[alg];
  if (!rule) return `uses unsupported algorithm "${alg}" (supported: sha256, sha512)`;
  if (!rule.test(hex)) {
    return `${alg} needs ${alg === 'sha256' ? 64 : 128} lowercase hex characters`;
  }
  return undefined;
}

export function parseDigest(value: string, what = 'digest'): Digest {
  const problem = digestProblem(value);
  if (problem) throw new ConfigurationError(`${what} ${JSON.stringify(value)} ${problem}`);
  return value as Digest;
}

export function sha256(data: Buffer | string): Digest {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export function digestHex(d: Digest): string {
  return d.slice(d.indexOf(':') + 1);
}
