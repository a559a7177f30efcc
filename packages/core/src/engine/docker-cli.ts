import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { redact } from '../log.js';

/**
 * The docker CLI, run with argv arrays (never a shell string). Used where the engine does the
 * work anyway (pull, load, run, exec) and the CLI already speaks every DOCKER_HOST flavour
 * (unix, tcp+TLS, ssh) with the user's config.json; loading dockerode for that would not pay.
 */
export interface DockerCliOptions {
  /** DOCKER_HOST for every command; otherwise whatever `env` says (or the CLI's default). */
  dockerHost?: string;
  /** Environment of the client (DOCKER_HOST, DOCKER_CONFIG, DOCKER_TLS_VERIFY …). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The executable, default `docker` from PATH. */
  binary?: string;
}

export interface DockerRunOptions {
  /** Streamed to the command's stdin (e.g. an archive for `docker load`). */
  input?: Readable | AsyncIterable<Buffer>;
  /** Kill the client after this long; the failure says it timed out. */
  timeoutMs?: number;
}

export interface DockerOutput {
  stdout: string;
  stderr: string;
}

/**
 * A failed docker command. The message is one line (the command line and the engine's reason);
 * the whole stderr stays in `stderr`, for the debug log and for callers that read it.
 */
export class DockerCommandError extends Error {
  override readonly name = 'DockerCommandError';
  /** The engine's reason in one line, without the command (what a caller's own message quotes). */
  readonly reason: string;
  constructor(
    message: string,
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly timedOut = false,
    /** What it printed before failing: `docker inspect a b` prints the objects that exist. */
    readonly stdout = '',
    reason?: string,
  ) {
    super(message);
    this.reason = reason ?? (reasonLine(stderr) || message);
  }
}

/**
 * The line of a docker CLI's stderr that says why it failed: the last one that names an error
 * (`docker run` ends with a usage hint, a build with its summary), else the last line.
 */
export function reasonLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.findLast((l) => /error|denied|cannot|no such|not found|failed/i.test(l));
  return (line ?? lines.at(-1) ?? '').replace(/^docker: /, '');
}

/** What the CLI prints when it cannot reach the engine; it keeps the socket's own error to itself. */
const UNREACHABLE =
  /Cannot connect to the Docker daemon at (\S+?)\.? Is the docker daemon running\?/;
const PROBE_TIMEOUT_MS = 3_000;

/** The OS's reason for a failed connect, in its own words (the CLI's older versions printed them). */
const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTSOCK: 'not a socket',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'unknown host',
  ETIMEDOUT: 'connection timed out',
};

/**
 * Why the engine at `host` cannot be reached, found by connecting to it as the CLI would (the
 * CLI says only "Is the docker daemon running?"). Undefined when it answers now or the host is
 * not a unix or tcp one (ssh: the CLI's own words stand).
 */
export async function unreachableReason(host: string): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    return undefined;
  }
  // A tcp host without a port: the CLI picks 2375 or 2376 by its TLS settings, not guessed here.
  const target =
    url.protocol === 'unix:'
      ? { path: decodeURIComponent(url.pathname) }
      : url.protocol === 'tcp:' && url.hostname && url.port
        ? { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) }
        : undefined;
  if (!target) return undefined;
  return new Promise((resolve) => {
    const socket = connect(target);
    socket.setTimeout(PROBE_TIMEOUT_MS, () => {
      socket.destroy();
      resolve(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`);
    });
    socket.on('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      resolve(CONNECT_ERRORS[e.code ?? ''] ?? e.message);
    });
  });
}

const MAX_STDOUT = 16 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;

/** Quotes for display only, so a reader can paste the command into a shell. */
export function formatCommand(argv: readonly string[]): string {
  return argv
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

export class DockerCli {
  readonly binary: string;

  constructor(private readonly options: DockerCliOptions = {}) {
    this.binary = options.binary ?? 'docker';
  }

  /** The DOCKER_HOST commands go to, or undefined for the CLI's default. */
  get dockerHost(): string | undefined {
    return this.options.dockerHost ?? (this.options.env ?? process.env).DOCKER_HOST;
  }

  /** Runs `docker ...args`; resolves with its output on exit 0, else rejects with DockerCommandError. */
  run(args: readonly string[], opts: DockerRunOptions = {}): Promise<DockerOutput> {
    const env = { ...(this.options.env ?? process.env) };
    if (this.options.dockerHost) env.DOCKER_HOST = this.options.dockerHost;
    const host = env.DOCKER_HOST ? ` (DOCKER_HOST=${env.DOCKER_HOST})` : '';
    const command = redact(formatCommand([this.binary, ...args]) + host);

    return new Promise<DockerOutput>((resolve, reject) => {
      const child = spawn(this.binary, args, {
        env,
        stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      let outBytes = 0;
      let err = '';
      child.stdout?.on('data', (c: Buffer) => {
        if (outBytes < MAX_STDOUT) out.push(c);
        outBytes += c.length;
      });
      child.stderr?.on('data', (c: Buffer) => {
        err = (err + c.toString('utf8')).slice(-MAX_STDERR);
      });

      let timedOut = false;
      const timer =
        opts.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              child.kill('SIGTERM');
            }, opts.timeoutMs);

      // The input's own failure (e.g. a blob failing its digest check) is the cause of a failed
      // load; a broken pipe only means docker stopped reading, and docker's stderr says why.
      let inputError: unknown;
      const fed =
        opts.input && child.stdin
          ? pipeline(opts.input, child.stdin).catch((e: unknown) => {
              inputError = e;
              child.stdin?.destroy();
            })
          : Promise.resolve();

      child.on('error', (e: NodeJS.ErrnoException) => {
        if (timer) clearTimeout(timer);
        const why = e.code === 'ENOENT' ? `${this.binary} is not on PATH` : e.message;
        reject(new DockerCommandError(`${command} could not run: ${why}`, command, null, ''));
      });
      child.on('close', (code, signal) => {
        if (timer) clearTimeout(timer);
        void fed.then(() => {
          const stderr = err.trim();
          const stdout = Buffer.concat(out).toString('utf8');
          const pipeBroken =
            inputError !== undefined &&
            ['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_PREMATURE_CLOSE'].includes(
              (inputError as NodeJS.ErrnoException).code ?? '',
            );
          if (inputError !== undefined && !pipeBroken && !timedOut) {
            const why = inputError instanceof Error ? inputError.message : String(inputError);
            reject(
              new DockerCommandError(`${command}: input failed: ${why}`, command, code, stderr),
            );
            return;
          }
          if (code === 0 && !timedOut && inputError === undefined) {
            resolve({ stdout, stderr });
            return;
          }
          const status = timedOut
            ? `timed out after ${opts.timeoutMs} ms`
            : code !== null
              ? `failed with exit code ${code}`
              : `was killed by ${signal ?? 'a signal'}`;
          void engineReason(stderr)
            .catch(() => reasonLine(stderr))
            .then((reason) => {
              const detail = reason ? `: ${redact(reason)}` : '';
              reject(
                new DockerCommandError(
                  `docker command ${status}: ${command}${detail}`,
                  command,
                  code,
                  stderr,
                  timedOut,
                  stdout,
                  reason ? redact(reason) : undefined,
                ),
              );
            });
        });
      });
    });
  }

  /** `run` with stdout trimmed, for commands that print one value (an ID, a format string). */
  async output(args: readonly string[], opts: DockerRunOptions = {}): Promise<string> {
    return (await this.run(args, opts)).stdout.trim();
  }
}

/** The engine's reason for a failure in one line; an unreachable engine is asked why itself. */
async function engineReason(stderr: string): Promise<string> {
  const host = UNREACHABLE.exec(stderr)?.[1];
  if (host) {
    const why = await unreachableReason(host);
    return `cannot reach the docker engine at ${host}${why ? `: ${why}` : ''}`;
  }
  return reasonLine(stderr);
}
