import { posix } from 'node:path';

/**
 * What makes a file look like a secret. Computed while the layers are read, so a secret that a
 * later layer deletes is still caught: its bytes ship in the earlier layer's blob regardless.
 */
export type SecretReason = 'private-key' | 'env-file' | 'git-folder' | 'ssh-key-file';

export interface SecretSignal {
  reason: SecretReason;
  /** The PEM header for keys, the `.git` folder for repository files; never file contents. */
  detail: string;
}

/** Only small files are read, and only their start: keys are small and begin with the header. */
export const SNIFF_MAX_FILE_SIZE = 1024 * 1024;
export const SNIFF_BYTES = 4096;

const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const SSH_KEY_FILE = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/;
const ENV_FILE = /^\.env(?:\.[^/]+)?$/;
/** Templates that are meant to be shipped and hold no values. */
const ENV_TEMPLATE = /^\.env\.(?:example|sample|template|dist|defaults)$/;

/** The PEM private-key header in the first bytes of a file, if any. */
export function privateKeyHeader(head: Buffer): string | undefined {
  return PRIVATE_KEY.exec(head.toString('latin1'))?.[0];
}

/**
 * Signals from the path alone. `kind` is `file` for anything with contents (hard links too):
 * a symlink named `.env` holds nothing itself, and its target is checked on its own.
 */
export function secretByPath(
  path: string,
  kind: 'file' | 'dir' | 'other',
): SecretSignal | undefined {
  const parts = path.split('/');
  const git = parts.indexOf('.git');
  if (git >= 0 && (git < parts.length - 1 || kind === 'dir')) {
    return { reason: 'git-folder', detail: parts.slice(0, git + 1).join('/') };
  }
  if (kind !== 'file') return undefined;
  const name = posix.basename(path);
  if (SSH_KEY_FILE.test(name)) return { reason: 'ssh-key-file', detail: name };
  if (ENV_FILE.test(name) && !ENV_TEMPLATE.test(name)) return { reason: 'env-file', detail: name };
  return undefined;
}
