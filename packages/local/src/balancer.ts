import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { haproxyRoutes, HaproxyRouter, routesMap } from '@kiln/core/fleet';
import { freePort, sleep, stopDaemon } from './services.js';

const run = promisify(execFile);

/**
 * The embedded load balancer: the Debian haproxy on the host, a frontend on a loopback port
 * for users and one for previews, each colour of what is deployed behind it as a pool whose
 * servers core's router points at tasks through the runtime API. Its files live in `dir`.
 */
export interface Balancer {
  port: number;
  url: string;
  /** Where the pool that is not live answers (blue-green previews). */
  previewPort: number;
  previewUrl: string;
  pid: number;
  config: string;
  /** the runtime API, `show stat` and friends */
  socket: string;
  /** the route map the frontends read; the router switches it */
  mapFile: string;
}

export interface Backend {
  name: string;
  address: string;
}

const files = (dir: string): { config: string; pid: string; socket: string; map: string } => ({
  config: join(dir, 'haproxy.cfg'),
  pid: join(dir, 'haproxy.pid'),
  socket: join(dir, 'haproxy.sock'),
  map: join(dir, 'routes.map'),
});

/** Core's traffic router on this balancer. */
export function balancerRouter(b: Balancer): HaproxyRouter {
  return new HaproxyRouter({
    socket: b.socket,
    mapFile: b.mapFile,
    url: b.url,
    previewUrl: b.previewUrl,
  });
}

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

/** The whole config: process settings here, the routed frontends and pools from core's router. */
export function haproxyConfig(
  port: number,
  backends: Backend[],
  socket: string,
  routes: { previewPort: number; mapFile: string },
): string {
  return [
    '# Written by the embedded environment; servers are set through the runtime API. Stop with: npm run env down',
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
    ...haproxyRoutes({
      mapFile: routes.mapFile,
      port,
      previewPort: routes.previewPort,
      initial: backends.map((b) => b.address),
    }),
  ].join('\n');
}

/**
 * Starts haproxy, or replaces the running one when its config changed (`-sf`: the old process
 * finishes its connections and exits; the port stays bound throughout); a running one with the
 * same config is left alone, with the servers the router gave it. Keeps the ports of the
 * previous run when it can, so the URLs stay the same. `backends` start in the blue pool.
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
  const written = existsSync(f.config) ? readFileSync(f.config, 'utf8') : '';
  const oldPreview = Number(/frontend preview\n {2}bind 127\.0\.0\.1:(\d+)/.exec(written)?.[1]);
  const previewPort =
    oldPreview && oldPreview !== port && (old !== undefined || (await portFree(oldPreview)))
      ? oldPreview
      : await freePort();
  const config = haproxyConfig(port, backends, f.socket, { previewPort, mapFile: f.map });
  const balancer = (pid: number): Balancer => ({
    port,
    url: `http://127.0.0.1:${port}/`,
    previewPort,
    previewUrl: `http://127.0.0.1:${previewPort}/`,
    pid,
    config: f.config,
    socket: f.socket,
    mapFile: f.map,
  });
  if (old !== undefined && written === config && backends.length === 0) return balancer(old);
  writeFileSync(f.config, config);
  // The route survives a reload: the router rewrites this file on every switch.
  if (backends.length > 0 || !existsSync(f.map))
    writeFileSync(f.map, backends.length > 0 ? routesMap('blue') : '');
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
  return balancer(pid);
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
  rmSync(f.map, { force: true });
  return true;
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
