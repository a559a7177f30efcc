import { createConnection } from 'node:net';

/** How long one runtime API command may take on the local socket. */
export const RUNTIME_TIMEOUT_MS = 3_000;

/** haproxy refused a runtime API command or did not answer. */
export class HaproxyError extends Error {
  override readonly name = 'HaproxyError';
  constructor(
    message: string,
    readonly command: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// The runtime API answers errors in prose; these are the ones its commands use.
const REFUSED =
  /^(No such|Unknown|Require|Invalid|Can't|Cannot|Not found|unknown|Missing|'[^']*' only|Permission denied)/im;

/** Sends one command to haproxy's runtime API (a stats socket with level admin) and returns the answer. */
export function runtimeCommand(
  socket: string,
  command: string,
  timeoutMs = RUNTIME_TIMEOUT_MS,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const c = createConnection(socket);
    let out = '';
    c.setTimeout(timeoutMs, () =>
      c.destroy(
        new HaproxyError(
          `haproxy at ${socket} did not answer "${command}" within ${timeoutMs} ms`,
          command,
        ),
      ),
    );
    c.on('connect', () => c.write(`${command}\n`));
    c.on('data', (d) => (out += d.toString('utf8')));
    c.on('end', () => {
      const refused = REFUSED.exec(out);
      if (refused)
        reject(
          new HaproxyError(
            `haproxy at ${socket} refused "${command}": ${out.trim().split('\n')[0]}`,
            command,
          ),
        );
      else resolve(out);
    });
    c.on('error', (err) =>
      reject(
        err instanceof HaproxyError
          ? err
          : new HaproxyError(`haproxy runtime API at ${socket}: ${err.message}`, command, {
              cause: err,
            }),
      ),
    );
  });
}

/** One server row of `show stat`. */
export interface ServerStat {
  backend: string;
  name: string;
  /** `UP`, `DOWN`, `MAINT`, `no check` … */
  status: string;
  /** `ip:port` */
  address: string;
  /** Sessions served so far. */
  sessions: number;
  check: string;
}

/** `show stat`: the server rows of every backend, or of one. */
export async function showStat(socket: string, backend?: string): Promise<ServerStat[]> {
  const lines = (await runtimeCommand(socket, 'show stat')).trim().split('\n');
  const header = (lines[0] ?? '').replace(/^# /, '').split(',');
  const col = (name: string): number => header.indexOf(name);
  return lines
    .slice(1)
    .map((l) => l.split(','))
    .filter(
      (r) =>
        (backend === undefined || r[col('pxname')] === backend) &&
        !['BACKEND', 'FRONTEND'].includes(r[col('svname')] ?? ''),
    )
    .map((r) => ({
      backend: r[col('pxname')] ?? '',
      name: r[col('svname')] ?? '',
      status: r[col('status')] ?? '',
      address: r[col('addr')] ?? '',
      sessions: Number(r[col('stot')] ?? 0),
      check: r[col('check_status')] ?? '',
    }));
}
