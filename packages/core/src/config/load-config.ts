import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { ConfigurationError, invalidInput } from '../errors.js';
import type { InputReader } from '../inputs/source.js';
import { DEFAULT_CONFIG_PATH, type KilnConfig } from './kiln-config.js';
import type { ParseConfigOptions } from './parse-config.js';

/** A Kiln config is a few dozen lines; a larger file is not one (and is not read into memory). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

// O_NOFOLLOW: the file is refused if it is a link, which a pull request could point at a
// secret on the runner. O_NONBLOCK: a FIFO in its place does not block the open forever.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export interface LoadConfigOptions extends ParseConfigOptions {
  /** Folder a relative path is read from (default the current one); named paths stay as given. */
  cwd?: string;
}

/**
 * Checks kiln.yml text (see parseConfigText). Loads `yaml` and the schema on first use, so a
 * bundle that never reads a config does not load them at start-up.
 */
export async function parseConfig(
  text: string,
  file: string,
  opts: ParseConfigOptions = {},
): Promise<KilnConfig> {
  const [yaml, { parseConfigText }] = await Promise.all([
    import('yaml'),
    import('./parse-config.js'),
  ]);
  return parseConfigText(yaml, text, file, opts);
}

/** Reads and checks a config file; errors name `path` as given, so they point into the repository. */
export async function loadConfig(
  path: string = DEFAULT_CONFIG_PATH,
  opts: LoadConfigOptions = {},
): Promise<KilnConfig> {
  const { cwd, ...parseOpts } = opts;
  const text = await readConfigFile(
    path,
    cwd ?? process.cwd(),
    (why) => new ConfigurationError(`Config file ${JSON.stringify(path)} ${why}`),
  );
  if (text === undefined)
    throw new ConfigurationError(`Config file ${JSON.stringify(path)} does not exist`);
  return parseConfig(text, path, parseOpts);
}

export interface ConfigFromInputsOptions extends ParseConfigOptions {
  /** Told `Reading <file>` once the file is found, before the YAML parser and schema load. */
  log?: (line: string) => void;
}

/**
 * The common `config` input: the named file (relative to the workspace), else
 * `.github/kiln.yml` when it exists, else undefined (Kiln runs from inputs alone).
 */
export async function configFromInputs(
  read: InputReader,
  workspace: string,
  opts: ConfigFromInputsOptions = {},
): Promise<KilnConfig | undefined> {
  const { log, ...parseOpts } = opts;
  const given = read('config').trim();
  const path = given === '' ? DEFAULT_CONFIG_PATH : given;
  const fail = (why: string): ConfigurationError =>
    given === ''
      ? new ConfigurationError(
          `Config file ${JSON.stringify(path)} (the default of input "config") ${why}`,
        )
      : invalidInput('config', given, `the file ${why}`);
  const text = await readConfigFile(path, workspace, fail);
  if (text !== undefined) {
    // Loading the parser and the schema is most of an action's start-up: say what it is doing.
    log?.(`Reading ${path}`);
    return parseConfig(text, path, parseOpts);
  }
  if (given !== '') throw fail('does not exist (a relative path is read from the workspace)');
  // `.yaml` for `.yml` is the likeliest slip; ignoring that file would ignore the whole config.
  const other = DEFAULT_CONFIG_PATH.replace(/\.yml$/, '.yaml');
  if (
    await lstat(join(workspace, other)).then(
      () => true,
      () => false,
    )
  ) {
    throw new ConfigurationError(
      `Config file ${JSON.stringify(other)} is not read: Kiln reads ${JSON.stringify(DEFAULT_CONFIG_PATH)}; rename it, or name it in input "config"`,
    );
  }
  return undefined;
}

/**
 * The text of the config at `path` (relative to `base`), or undefined when it does not exist.
 * Neither the file nor a folder between `base` and it may be a link; it must be a regular
 * file of at most MAX_CONFIG_BYTES.
 */
async function readConfigFile(
  path: string,
  base: string,
  fail: (why: string) => ConfigurationError,
): Promise<string | undefined> {
  const full = resolve(base, path);
  if (!isAbsolute(path)) {
    const parts = normalize(path).split(sep).slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join(sep);
      if (folder === '..' || folder.endsWith(`${sep}..`)) continue;
      const stats = await lstat(join(base, folder)).catch(() => undefined);
      if (stats?.isSymbolicLink())
        throw fail(
          `is inside ${folder}, a symbolic link; a config is read only through real folders`,
        );
    }
  }
  let fh;
  try {
    fh = await open(full, READ_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'ELOOP' || code === 'EMLINK')
      throw fail('is a symbolic link; a config must be a regular file in the repository');
    if (code === 'EISDIR') throw fail('is a directory, not a YAML file');
    throw fail(`cannot be read (${code ?? String(err)})`);
  }
  try {
    const stats = await fh.stat();
    if (stats.isDirectory()) throw fail('is a directory, not a YAML file');
    if (!stats.isFile()) throw fail('is not a regular file');
    if (stats.size > MAX_CONFIG_BYTES)
      throw fail(`is ${stats.size} bytes, more than a config may be (${MAX_CONFIG_BYTES} bytes)`);
    // Read one byte past the limit: a file that grew after the check is still refused.
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_CONFIG_BYTES)
        throw fail(`is more than a config may be (${MAX_CONFIG_BYTES} bytes)`);
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await fh.close();
  }
}
