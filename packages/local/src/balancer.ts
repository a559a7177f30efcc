import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, sleep, stopDaemon } from './services.js';

const run = promisify(execFile);

/**
 * The embedded load balancer: the Debian haproxy on the host, one frontend on a loopback port,
 * the tasks of what is deployed behind it as servers with HTTP health checks. Its files live in `dir`.
 */
export interface Balancer {
  port: number;
  url: string;
  pid: number;
  config: string;
  /** the runtime API, `show stat` and friends */
  socket: string;
}

export interface Backend {
  name: string;
  address: string;
}

const files = (dir: string): { config: string; pid: string; socket: string } => ({
  config: join(dir, 'haproxy.cfg'),
  pid: join(dir, 'haproxy.pid'),
  socket: join(dir, 'haproxy.sock'),
});

/** The pid in the pid file when it is a running haproxy (not some process that reused the pid). */
export function runningPid(dir: string): number | undefined {
  const { pid: file } = files(dir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim().split('\n')[0]);
  if (!(pid > 0)) return undefined;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'haproxy' ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function haproxyConfig(port: number, backends: Backend[], socket: string): string {
  return [
    '# Written by the embedded environment; rewritten when the servers change. Stop with: npm run env down',
    'global',
    '  maxconn 512',
    `  stats socket ${socket} mode 600 level admin`,
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  retries 2',
    '  option redispatch',
    '',
    'frontend app',
    `  bind 127.0.0.1:${port}`,
    '  default_backend app_tasks',
    '',
    'backend app_tasks',
    '  balance roundrobin',
    '  option httpchk GET /',
    '  http-check expect status 200',
    '  default-server check inter 1s fall 2 rise 1',
    ...backends.map((b) => `  server ${b.name} ${b.address}`),
    '',
  ].join('\n');
}

/**
 * Starts haproxy, or replaces the running one with the new backends (`-sf`: the old process
 * finishes its connections and exits; the port stays bound throughout). Keeps the port of the
 * previous run when it can, so the URL stays the same.
 */
export async function startBalancer(
  dir: string,
  backends: Backend[],
  preferredPort?: number,
): Promise<Balancer> {
  const f = files(dir);
  mkdirSync(dir, { recursive: true });
  const old = runningPid(dir);
  const port =
    preferredPort && (old !== undefined || (await portFree(preferredPort)))
      ? preferredPort
      : await freePort();
  writeFileSync(f.config, haproxyConfig(port, backends, f.socket));
  try {
    await run('haproxy', ['-c', '-f', f.config]);
  } catch (err) {
    throw new Error(`haproxy rejected ${f.config}: ${stderrOf(err)}`, { cause: err });
  }
  if (old === undefined) rmSync(f.pid, { force: true });
  const args = ['-D', '-p', f.pid, '-f', f.config, ...(old ? ['-sf', String(old)] : [])];
  try {
    await run('haproxy', args);
  } catch (err) {
    throw new Error(`haproxy ${args.join(' ')} failed: ${stderrOf(err)}`, { cause: err });
  }
  let pid: number | undefined;
  const end = Date.now() + 10_000;
  while ((pid = runningPid(dir)) === undefined || pid === old) {
    if (Date.now() > end) throw new Error(`haproxy did not write ${f.pid}`);
    await sleep(100);
  }
  return { port, url: `http://127.0.0.1:${port}/`, pid, config: f.config, socket: f.socket };
}

export async function stopBalancer(dir: string): Promise<boolean> {
  const f = files(dir);
  const pid = runningPid(dir);
  if (pid === undefined) {
    rmSync(f.pid, { force: true });
    return false;
  }
  await stopDaemon(f.pid);
  rmSync(f.socket, { force: true });
  return true;
}

export interface ServerStat {
  name: string;
  status: string;
  /** sessions served so far */
  sessions: number;
  check: string;
}

/** `show stat` over the runtime API: one row per backend server. */
export async function serverStats(socket: string, backend = 'app_tasks'): Promise<ServerStat[]> {
  const text = await new Promise<string>((resolve, reject) => {
    const c = createConnection(socket);
    let out = '';
    c.setTimeout(3000, () => c.destroy(new Error('haproxy runtime API did not answer')));
    c.on('connect', () => c.write('show stat\n'));
    c.on('data', (d) => (out += d.toString('utf8')));
    c.on('end', () => resolve(out));
    c.on('error', reject);
  });
  const lines = text.trim().split('\n');
  const header = (lines[0] ?? '').replace(/^# /, '').split(',');
  const col = (name: string): number => header.indexOf(name);
  return lines
    .slice(1)
    .map((l) => l.split(','))
    .filter(
      (r) =>
        r[col('pxname')] === backend && !['BACKEND', 'FRONTEND'].includes(r[col('svname')] ?? ''),
    )
    .map((r) => ({
      name: r[col('svname')] ?? '',
      status: r[col('status')] ?? '',
      sessions: Number(r[col('stot')] ?? 0),
      check: r[col('check_status')] ?? '',
    }));
}

/** Waits until haproxy's own health checks see every backend UP. */
export async function waitForBackendsUp(
  b: Balancer,
  count: number,
  timeoutMs: number,
): Promise<ServerStat[]> {
  const end = Date.now() + timeoutMs;
  let stats: ServerStat[] = [];
  while (Date.now() < end) {
    stats = await serverStats(b.socket).catch(() => []);
    if (stats.length === count && stats.every((s) => s.status === 'UP')) return stats;
    await sleep(200);
  }
  throw new Error(
    `haproxy's health checks did not see ${count} backends UP within ${timeoutMs / 1000} s: ${stats.map((s) => `${s.name} ${s.status} ${s.check}`).join(', ') || 'no stats'}`,
  );
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ host: '127.0.0.1', port });
    c.on('connect', () => {
      c.destroy();
      resolve(false);
    });
    c.on('error', () => resolve(true));
  });
}

function stderrOf(err: unknown): string {
  const e = err as { stderr?: string; message?: string };
  return (e.stderr || e.message || String(err)).trim();
}
