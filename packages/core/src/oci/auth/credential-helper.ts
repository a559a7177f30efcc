import { spawn } from 'node:child_process';
import { z } from 'zod';
import { ConfigurationError } from '../../errors.js';
import { redact } from '../../log.js';
import type { Credentials } from './types.js';

/**
 * The `get` half of the credential helper protocol
 * (https://github.com/docker/docker-credential-helpers): run `docker-credential-<name> get`,
 * write the server URL to stdin, read `{"ServerURL","Username","Secret"}` from stdout.
 */

export const HELPER_TIMEOUT_MS = 30_000;

// The helpers' shared "nothing stored" answer: not a failure, just no credentials.
const NOT_FOUND = 'credentials not found in native keychain';
// Username a helper returns when Secret is an identity (refresh) token rather than a password.
const TOKEN_USERNAME = '<token>';
const OUTPUT_LIMIT = 2000;

const helperReply = z.object({
  ServerURL: z.string().optional(),
  Username: z.string().optional(),
  Secret: z.string().optional(),
});

export interface HelperOptions {
  /** Environment for the helper; its PATH is where the helper is looked up. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Where the helper was configured, for error messages (e.g. `credsStore in ~/.docker/config.json`). */
  origin?: string;
}

export async function getFromHelper(
  helper: string,
  serverURL: string,
  opts: HelperOptions = {},
): Promise<Credentials | undefined> {
  const program = `docker-credential-${helper}`;
  const command = `${program} get`;
  const timeoutMs = opts.timeoutMs ?? HELPER_TIMEOUT_MS;
  const origin = opts.origin ? ` (configured as ${opts.origin})` : '';
  const result = await run(program, ['get'], serverURL, opts.env ?? process.env, timeoutMs);

  if (result.spawnError) {
    if (result.spawnError.code === 'ENOENT') {
      throw new ConfigurationError(
        `Credential helper ${program}${origin} is not on PATH: install it, or remove it from the Docker config`,
      );
    }
    throw new Error(`\`${command}\`${origin} could not be started: ${result.spawnError.message}`);
  }
  if (result.timedOut) {
    throw new Error(
      `\`${command}\`${origin} for ${serverURL} did not answer within ${timeoutMs / 1000} s`,
    );
  }
  if (result.code !== 0) {
    if (result.stdout.includes(NOT_FOUND)) return undefined;
    const status = result.signal ? `was killed by ${result.signal}` : `exited with ${result.code}`;
    throw new Error(
      `\`${command}\`${origin} for ${serverURL} ${status}: ${show(result.stderr || result.stdout)}`,
    );
  }

  // Never echo stdout here: on success it carries the secret, and JSON.parse quotes its input.
  let reply: z.infer<typeof helperReply>;
  try {
    const parsed = helperReply.safeParse(JSON.parse(result.stdout));
    if (!parsed.success) throw new Error();
    reply = parsed.data;
  } catch {
    throw new Error(
      `\`${command}\`${origin} for ${serverURL} printed something other than the JSON object {"ServerURL","Username","Secret"}`,
    );
  }
  if (!reply.Secret) return undefined;
  if (reply.Username === TOKEN_USERNAME) return { identityToken: reply.Secret };
  return reply.Username
    ? { username: reply.Username, password: reply.Secret }
    : { password: reply.Secret };
}

/** Helper output for an error message: trimmed, bounded, known secrets masked. */
function show(output: string): string {
  const text = output.trim();
  if (!text) return '(no output)';
  const bounded = text.length > OUTPUT_LIMIT ? `${text.slice(0, OUTPUT_LIMIT)}…` : text;
  return redact(bounded);
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  spawnError?: NodeJS.ErrnoException;
}

function run(
  program: string,
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<RunResult> {
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let spawnError: NodeJS.ErrnoException | undefined;
    let timedOut = false;
    let settled = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
        ...(spawnError ? { spawnError } : {}),
      });
    };

    // argv array and no shell: nothing from the config file is ever interpreted by a shell.
    const child = spawn(program, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      // A grandchild may hold the pipes open; do not wait for them to close.
      finish(null, 'SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (err: NodeJS.ErrnoException) => {
      spawnError = err;
    });
    child.on('close', finish);
    // A helper that exits without reading stdin breaks the pipe; its exit status says why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
