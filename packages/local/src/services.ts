import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import bcrypt from 'bcryptjs';
import { sleep } from '@kiln/core/util';

/** Where the environment keeps its state: an ignored folder of the repository. */
export const ROOT = resolve(new URL('../../..', import.meta.url).pathname);
export const STATE = process.env.KILN_ENV_DIR ?? join(ROOT, '.kiln', 'env');

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port')),
      );
    });
  });
}

/** VXLAN data-path port for swarm: must lie in 1024-49151, so ask until one does. */
async function freeDataPathPort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const p = await freePort();
    if (p >= 1024 && p <= 49151) return p;
  }
  return 4789;
}

// One sleep for the project; the environment's waits use it too.
export { sleep };

export async function waitFor(
  what: string,
  ok: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await ok().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Starts a daemon in the background, its log and pid in `base/name/`. Returns its pid. */
export function startDaemon(name: string, command: string, args: string[], base = STATE): number {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  const out = openSync(join(dir, 'log'), 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  if (!child.pid) throw new Error(`could not start ${command}`);
  writeFileSync(join(dir, 'pid'), String(child.pid));
  return child.pid;
}

export function logTail(name: string, lines = 20, base = STATE): string {
  const file = join(base, name, 'log');
  return existsSync(file)
    ? readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n')
    : '';
}

/** Whether a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a daemon by its pid file and waits for it to go, escalating to SIGKILL. */
export async function stopDaemon(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (pid > 0 && alive(pid)) {
    process.kill(pid, 'SIGTERM');
    const end = Date.now() + 20_000;
    while (alive(pid) && Date.now() < end) await sleep(100);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

export interface RegistryInfo {
  /** host:port (loopback, or the bridge address of the multi-node swarm) */
  host: string;
  username?: string;
  password?: string;
}

async function registryAnswers(host: string): Promise<boolean> {
  const res = await fetch(`http://${host}/v2/`);
  return res.status === 200 || res.status === 401;
}

/**
 * A registry under `base/name/`, on loopback unless `address` says where else to listen (a
 * bridge address, for engines in other network namespaces).
 */
export async function startRegistry(
  name: string,
  opts: { basicAuth?: boolean; address?: string; base?: string } = {},
): Promise<RegistryInfo> {
  const base = opts.base ?? STATE;
  const dir = join(base, name);
  mkdirSync(join(dir, 'data'), { recursive: true });
  const port = await freePort();
  const host = `${opts.address ?? '127.0.0.1'}:${port}`;
  const info: RegistryInfo = { host };
  let auth = '';
  if (opts.basicAuth) {
    info.username = 'kiln';
    info.password = createHash('sha256')
      .update(`${name}-${Date.now()}-${Math.random()}`)
      .digest('hex')
      .slice(0, 24);
    writeFileSync(
      join(dir, 'htpasswd'),
      `${info.username}:${bcrypt.hashSync(info.password, 10)}\n`,
    );
    auth = `auth:\n  htpasswd:\n    realm: kiln-test\n    path: ${join(dir, 'htpasswd')}\n`;
  }
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${host}\n${auth}`,
  );
  startDaemon(name, 'docker-registry', ['serve', join(dir, 'config.yml')], base);
  await waitFor(
    `registry ${name} on ${host}\n${logTail(name, 20, base)}`,
    () => registryAnswers(host),
    20_000,
  );
  return info;
}

/** Short exec-root: containerd's socket paths must stay under the unix socket length limit. */
function execRoot(): string {
  return `/tmp/kiln-${createHash('sha256').update(STATE).digest('hex').slice(0, 8)}`;
}

export interface EngineInfo {
  /** DOCKER_HOST value, unix://… */
  dockerHost: string;
  /** An engine this environment did not start (KILN_DOCKER_HOST): it is never stopped. */
  external?: boolean;
}

export function docker(dockerHost: string, args: string[], input?: string): string {
  return execFileSync('docker', ['-H', dockerHost, ...args], {
    encoding: 'utf8',
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
  }).trim();
}

/** Polls until an engine answers on `dockerHost`, with its log in the error. */
export async function waitForEngine(
  dockerHost: string,
  logName: string,
  base = STATE,
): Promise<void> {
  const sock = dockerHost.replace(/^unix:\/\//, '');
  await waitFor(
    `dockerd on ${sock}`,
    async () =>
      existsSync(sock) && docker(dockerHost, ['version', '--format', '{{.Server.Version}}']) !== '',
    60_000,
  ).catch((err: Error) => {
    throw new Error(`${err.message}\n${logTail(logName, 20, base)}`);
  });
}

async function ensureSwarm(dockerHost: string): Promise<void> {
  const state = docker(dockerHost, ['info', '--format', '{{.Swarm.LocalNodeState}}']);
  if (state !== 'active') {
    // Free ports, not 2377/4789: another engine on this machine (a runner's, or a second
    // checkout's environment) may hold the defaults.
    const listen = `127.0.0.1:${await freePort()}`;
    docker(dockerHost, [
      'swarm',
      'init',
      '--advertise-addr',
      listen,
      '--listen-addr',
      listen,
      '--data-path-port',
      String(await freeDataPathPort()),
    ]);
  }
}

/** Uses an engine that already runs (a CI runner's own), in swarm mode. */
export async function useEngine(dockerHost: string): Promise<EngineInfo> {
  docker(dockerHost, ['version', '--format', '{{.Server.Version}}']);
  await ensureSwarm(dockerHost);
  return { dockerHost, external: true };
}

/** dockerd's arguments for an engine of the environment: its own data and exec roots, socket and pid file. */
export function dockerdArgs(o: {
  dataRoot: string;
  execRoot: string;
  dockerHost: string;
  pidFile: string;
  insecureRegistries: string[];
}): string[] {
  return [
    '--exec-opt',
    'native.cgroupdriver=cgroupfs',
    '--data-root',
    o.dataRoot,
    '--exec-root',
    o.execRoot,
    '-H',
    o.dockerHost,
    '--pidfile',
    o.pidFile,
    '--iptables=true',
    ...o.insecureRegistries.flatMap((r) => ['--insecure-registry', r]),
  ];
}

export async function startEngine(insecureRegistries: string[]): Promise<EngineInfo> {
  const dir = join(STATE, 'docker');
  mkdirSync(dir, { recursive: true });
  const sock = join(dir, 'docker.sock');
  const dockerHost = `unix://${sock}`;
  const args = dockerdArgs({
    dataRoot: join(dir, 'data'),
    execRoot: execRoot(),
    dockerHost,
    pidFile: join(dir, 'docker.pid'),
    insecureRegistries,
  });
  startDaemon('docker', 'dockerd', args);
  await waitForEngine(dockerHost, 'docker');
  await ensureSwarm(dockerHost);
  return { dockerHost };
}

export async function stopEngine(): Promise<void> {
  const dir = join(STATE, 'docker');
  const sock = `unix://${join(dir, 'docker.sock')}`;
  // Services would restart their tasks on the next start; remove what tests left behind.
  try {
    const services = docker(sock, ['service', 'ls', '-q']).split('\n').filter(Boolean);
    if (services.length) docker(sock, ['service', 'rm', ...services]);
  } catch {
    /* engine already down */
  }
  await stopDaemon(join(dir, 'docker.pid'));
  await stopDaemon(join(dir, 'pid'));
}
