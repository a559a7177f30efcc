import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Balancer, runningPid, startBalancer, stopBalancer } from './balancer.js';
import { ensurePackages } from './packages.js';
import {
  type EngineInfo,
  type RegistryInfo,
  STATE,
  startEngine,
  useEngine,
  startRegistry,
  stopDaemon,
  stopEngine,
} from './services.js';

/**
 * The embedded default: real registries, a real single-node swarm and haproxy on loopback.
 * Written once, used by `npm run env`, jest's global setup, the demo and the benchmarks.
 */
export interface KilnEnvironment {
  /** plain registry */
  registry: RegistryInfo;
  /** second plain registry, for cross-registry copies */
  registry2: RegistryInfo;
  /** registry behind htpasswd Basic auth */
  authRegistry: RegistryInfo;
  engine: EngineInfo;
  /** haproxy with its runtime API; it has no servers until something deploys behind it */
  balancer: Balancer;
  startedAt: string;
}

/** Where the load balancer keeps its config, pid and runtime socket. */
export const BALANCER_DIR = join(STATE, 'balancer');

const ENV_FILE = join(STATE, 'env.json');
const REGISTRIES = ['registry', 'registry2', 'authRegistry'] as const;

export function readEnvironment(): KilnEnvironment | undefined {
  if (!existsSync(ENV_FILE)) return undefined;
  return JSON.parse(readFileSync(ENV_FILE, 'utf8')) as KilnEnvironment;
}

/** Tests call this: fails clearly when no environment was started. */
export function testEnvironment(): KilnEnvironment {
  const env = readEnvironment();
  if (!env)
    throw new Error('No Kiln test environment is running: run `npm test` or `npm run env up`.');
  return env;
}

async function healthy(env: KilnEnvironment): Promise<boolean> {
  try {
    for (const r of REGISTRIES) {
      const res = await fetch(`http://${env[r].host}/v2/`);
      if (res.status !== 200 && res.status !== 401) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Starts everything, or reuses a running environment. Returns whether this call started it. */
export async function up(
  log: (l: string) => void = () => {},
): Promise<{ env: KilnEnvironment; started: boolean }> {
  const existing = readEnvironment();
  if (existing && (await healthy(existing))) {
    if (existing.balancer && runningPid(BALANCER_DIR) === existing.balancer.pid)
      return { env: existing, started: false };
    // The registries and the engine are up; only the balancer has to come back.
    const env = {
      ...existing,
      balancer: await startBalancer(BALANCER_DIR, [], existing.balancer?.port),
    };
    writeFileSync(ENV_FILE, JSON.stringify(env, null, 2));
    return { env, started: false };
  }
  if (existing) await down();
  ensurePackages(log);
  mkdirSync(STATE, { recursive: true });
  log('starting registries ...');
  const [registry, registry2, authRegistry] = await Promise.all([
    startRegistry('registry'),
    startRegistry('registry2'),
    startRegistry('authRegistry', { basicAuth: true }),
  ]);
  log('starting docker engine (swarm mode) ...');
  const external = process.env.KILN_DOCKER_HOST;
  const engine = external
    ? await useEngine(external)
    : await startEngine([registry.host, registry2.host, authRegistry.host]);
  log('starting load balancer (haproxy) ...');
  const balancer = await startBalancer(BALANCER_DIR, []);
  const env: KilnEnvironment = {
    registry,
    registry2,
    authRegistry,
    engine,
    balancer,
    startedAt: new Date().toISOString(),
  };
  writeFileSync(ENV_FILE, JSON.stringify(env, null, 2));
  return { env, started: true };
}

/** Stops everything by pid and leaves nothing running. */
export async function down(): Promise<void> {
  await stopBalancer(BALANCER_DIR);
  if (!readEnvironment()?.engine.external) await stopEngine();
  await Promise.all(REGISTRIES.map((r) => stopDaemon(join(STATE, r, 'pid'))));
  rmSync(ENV_FILE, { force: true });
}
