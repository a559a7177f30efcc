import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalidInput } from '@kiln/core/errors';
import {
  acceptForward,
  addNamespace,
  deleteLink,
  deleteNamespace,
  ensureBridge,
  forwardAccepted,
  hostSubnets,
  linksWithPrefix,
  linkUp,
  mountsUnder,
  netnsPath,
  netnsPids,
  netnsProblems,
  netnsWithPrefix,
  removeForward,
  setLink,
  unmountUnder,
} from './netns.js';
import { ensurePackages } from './packages.js';
import {
  alive,
  docker,
  dockerdArgs,
  type RegistryInfo,
  sleep,
  STATE,
  startDaemon,
  startRegistry,
  stopDaemon,
  waitFor,
  waitForEngine,
} from './services.js';

/**
 * The multi-node swarm of the embedded environment: N Docker engines on this machine, each in
 * a network namespace of its own, joined over a host bridge, pulling from a registry bound to
 * the bridge. Apart from the single-node environment in everything: its own state folder,
 * bridge and namespace names, engines, data roots, registry and ports.
 */
export interface SwarmNodesEnvironment {
  /** The bridge's subnet, `10.201.7.0/24`. */
  subnet: string;
  /** The host's address on the bridge; the registry listens there. */
  gateway: string;
  bridge: string;
  /** Reached from the host and from every node (plain HTTP: each engine lists it as insecure). */
  registry: RegistryInfo;
  /** DOCKER_HOST of the manager: the swarm provider talks to it. */
  manager: string;
  nodes: SwarmNode[];
  startedAt: string;
}

/** One engine of the swarm. All share the host's name: tell them apart by `id` or `label`. */
export interface SwarmNode {
  /** `node1` …; also the node's `dev.kiln.node` label. */
  name: string;
  role: 'manager' | 'worker';
  /** The swarm's node ID. */
  id: string;
  /** Its address on the bridge. */
  address: string;
  /** DOCKER_HOST of its engine (a unix socket on the host). */
  dockerHost: string;
  netns: string;
  /** Its veth on the host's side: taking it down cuts the node off. */
  link: string;
}

/** Where the multi-node swarm keeps its state, apart from the single-node environment's. */
export const NODES_STATE = process.env.KILN_NODES_DIR ?? `${STATE}-nodes`;
/** The size `--nodes` gives without a number: one manager and two workers. */
export const DEFAULT_NODES = 3;
const MAX_NODES = 9;
/** The label that names a node (all nodes share one hostname). */
export const NODE_LABEL = 'dev.kiln.node';

const NODES_FILE = join(NODES_STATE, 'nodes.json');
// Names from this state folder, so two checkouts on one machine make different ones; link
// names must stay within 15 characters.
const tag = createHash('sha256').update(NODES_STATE).digest('hex').slice(0, 4);
const PREFIX = `kn${tag}`;
const names = {
  bridge: `${PREFIX}br`,
  netns: (i: number) => `${PREFIX}n${i}`,
  hostVeth: (i: number) => `${PREFIX}v${i}`,
  nodeVeth: (i: number) => `${PREFIX}p${i}`,
  dir: (i: number) => join(NODES_STATE, `node${i}`),
  // Short: containerd's socket paths must stay under the unix socket length limit.
  execRoot: (i: number) => `/tmp/${PREFIX}-${i}`,
  dockerHost: (i: number) => `unix://${join(NODES_STATE, `node${i}`, 'docker.sock')}`,
};

/** `--nodes` as given: absent, bare (the default size) or a number of nodes from 2 to 9. */
export function parseNodeCount(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_NODES;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 2 || n > MAX_NODES)
    throw invalidInput(
      '--nodes',
      value,
      `it must be a whole number of nodes from 2 to ${MAX_NODES} (one manager, the rest workers)`,
    );
  return n;
}

export function readNodes(): SwarmNodesEnvironment | undefined {
  if (!existsSync(NODES_FILE)) return undefined;
  return JSON.parse(readFileSync(NODES_FILE, 'utf8')) as SwarmNodesEnvironment;
}

/** Tests call this: the running multi-node swarm, or a clear error. */
export function testNodes(): SwarmNodesEnvironment {
  const env = readNodes();
  if (!env) throw new Error('No multi-node swarm is running: run `npm run env up -- --nodes 3`.');
  return env;
}

/** Why this machine cannot run the multi-node swarm; empty when it can. */
export function nodesProblems(): string[] {
  return netnsProblems();
}

/** A /24 on 10.201.x.0 that no address or route of the host uses, starting from this folder's own. */
function pickSubnet(): { subnet: string; gateway: string; base: string } {
  const used = hostSubnets().join(' ');
  const start = parseInt(tag.slice(0, 2), 16);
  for (let k = 0; k < 256; k++) {
    const x = (start + k) % 256;
    const base = `10.201.${x}`;
    if (!used.includes(`${base}.`) && !used.includes('10.201.0.0/16'))
      return { subnet: `${base}.0/24`, gateway: `${base}.1`, base };
  }
  throw new Error('no free 10.201.x.0/24 subnet for the multi-node swarm');
}

const swarmState = (host: string): string =>
  docker(host, ['info', '--format', '{{.Swarm.LocalNodeState}}']);

/** The manager's view of its nodes: ID → status (`ready`, `down`) and availability. */
export function managerView(env: SwarmNodesEnvironment): Map<string, string> {
  const out = docker(env.manager, ['node', 'ls', '--format', '{{.ID}} {{.Status}}']);
  return new Map(
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ') as [string, string])
      .map(([id, status]) => [id, status.toLowerCase()]),
  );
}

/** Waits until the manager sees every node Ready. */
export async function waitAllReady(env: SwarmNodesEnvironment, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    `all ${env.nodes.length} nodes Ready on the manager`,
    async () => {
      const view = managerView(env);
      return env.nodes.every((n) => view.get(n.id) === 'ready');
    },
    timeoutMs,
  );
}

async function healthy(env: SwarmNodesEnvironment): Promise<boolean> {
  try {
    const res = await fetch(`http://${env.registry.host}/v2/`);
    if (res.status !== 200) return false;
    return env.nodes.every((n) => linkUp(n.link) && swarmState(n.dockerHost) === 'active');
  } catch {
    return false;
  }
}

/**
 * Starts an N-node swarm (one manager, the rest workers), or reuses a running one of that size
 * (links taken down are brought back up). Returns whether this call started it.
 */
export async function nodesUp(
  count = DEFAULT_NODES,
  log: (l: string) => void = () => {},
): Promise<{ env: SwarmNodesEnvironment; started: boolean }> {
  const problems = nodesProblems();
  if (problems.length)
    throw new Error(`the multi-node swarm cannot run on this machine: ${problems.join('; ')}`);
  const existing = readNodes();
  if (existing && existing.nodes.length !== count && (await healthy(existing)))
    throw new Error(
      `a ${existing.nodes.length}-node swarm is running (${NODES_STATE}); take it down first (npm run env down -- --nodes) to start one of ${count}`,
    );
  if (existing) {
    for (const n of existing.nodes) if (!linkUp(n.link)) setLink(n.link, true);
    if (await healthy(existing)) {
      await waitAllReady(existing);
      return { env: existing, started: false };
    }
  }
  await nodesDown(log);
  ensurePackages(log);
  mkdirSync(NODES_STATE, { recursive: true });
  try {
    return { env: await start(count, log), started: true };
  } catch (err) {
    // Nothing half-made stays behind: what start() made is found again by its names.
    await nodesDown().catch(() => {});
    throw err;
  }
}

async function start(count: number, log: (l: string) => void): Promise<SwarmNodesEnvironment> {
  const { subnet, gateway, base } = pickSubnet();
  log(`bridge ${names.bridge} ${subnet}, FORWARD accepted on it ...`);
  ensureBridge(names.bridge, `${gateway}/24`);
  acceptForward(names.bridge);
  log(`registry on ${gateway} ...`);
  const registry = await startRegistry('registry', { address: gateway, base: NODES_STATE });
  const indices = Array.from({ length: count }, (_, k) => k + 1);
  const address = (i: number): string => `${base}.${10 + i}`;
  log(`${count} engines in network namespaces ${names.netns(1)}…${names.netns(count)} ...`);
  for (const i of indices) {
    addNamespace({
      netns: names.netns(i),
      bridge: names.bridge,
      hostVeth: names.hostVeth(i),
      nodeVeth: names.nodeVeth(i),
      address: `${address(i)}/24`,
    });
    const dir = names.dir(i);
    mkdirSync(dir, { recursive: true });
    // nsenter --net, not `ip netns exec`: that remounts /sys and dockerd loses the cgroup mounts.
    startDaemon(
      `node${i}`,
      'nsenter',
      [
        `--net=${netnsPath(names.netns(i))}`,
        'dockerd',
        ...dockerdArgs({
          dataRoot: join(dir, 'data'),
          execRoot: names.execRoot(i),
          dockerHost: names.dockerHost(i),
          pidFile: join(dir, 'docker.pid'),
          insecureRegistries: [registry.host],
        }),
      ],
      NODES_STATE,
    );
  }
  await Promise.all(
    indices.map((i) => waitForEngine(names.dockerHost(i), `node${i}`, NODES_STATE)),
  );
  const manager = names.dockerHost(1);
  log('swarm init on node1, the others join ...');
  docker(manager, [
    'swarm',
    'init',
    '--advertise-addr',
    address(1),
    '--listen-addr',
    `${address(1)}:2377`,
  ]);
  const token = docker(manager, ['swarm', 'join-token', '-q', 'worker']);
  for (const i of indices.slice(1))
    docker(names.dockerHost(i), [
      'swarm',
      'join',
      '--token',
      token,
      '--advertise-addr',
      address(i),
      '--listen-addr',
      `${address(i)}:2377`,
      `${address(1)}:2377`,
    ]);
  const nodes: SwarmNode[] = indices.map((i) => ({
    name: `node${i}`,
    role: i === 1 ? 'manager' : 'worker',
    id: docker(names.dockerHost(i), ['info', '--format', '{{.Swarm.NodeID}}']),
    address: address(i),
    dockerHost: names.dockerHost(i),
    netns: names.netns(i),
    link: names.hostVeth(i),
  }));
  for (const n of nodes)
    docker(manager, ['node', 'update', '--label-add', `${NODE_LABEL}=${n.name}`, n.id]);
  const env: SwarmNodesEnvironment = {
    subnet,
    gateway,
    bridge: names.bridge,
    registry,
    manager,
    nodes,
    startedAt: new Date().toISOString(),
  };
  await waitAllReady(env);
  writeFileSync(NODES_FILE, JSON.stringify(env, null, 2));
  return env;
}

/** Node indices this state folder made, from the namespaces and links that exist. */
function madeIndices(): number[] {
  const found = new Set<number>();
  for (const ns of netnsWithPrefix(`${PREFIX}n`)) found.add(Number(ns.slice(PREFIX.length + 1)));
  for (const l of linksWithPrefix(`${PREFIX}v`)) found.add(Number(l.slice(PREFIX.length + 1)));
  for (const n of readNodes()?.nodes ?? []) found.add(Number(n.name.slice(4)));
  for (let i = 1; i <= MAX_NODES; i++) if (existsSync(names.dir(i))) found.add(i);
  return [...found].filter((i) => i >= 1 && i <= MAX_NODES).sort();
}

/** Best effort: a command on an engine that may be gone already. */
function tryDocker(host: string, args: string[]): string {
  try {
    return docker(host, args);
  } catch {
    return '';
  }
}

/**
 * Removes everything the multi-node swarm made: services and containers, engines and every
 * process left in their namespaces, the data roots (unmounted first), namespaces, veths, the
 * bridge, the FORWARD rule and the registry. Safe to run when nothing or half of it is there.
 */
export async function nodesDown(log: (l: string) => void = () => {}): Promise<void> {
  const indices = madeIndices();
  if (indices.length) log(`stopping ${indices.length} node engines ...`);
  // Links up again first, so engines that were cut off can be stopped cleanly.
  for (const i of indices)
    if (linksWithPrefix(names.hostVeth(i)).length) setLink(names.hostVeth(i), true);
  const manager = names.dockerHost(1);
  const services = tryDocker(manager, ['service', 'ls', '-q']).split('\n').filter(Boolean);
  if (services.length) tryDocker(manager, ['service', 'rm', ...services]);
  await Promise.all(
    indices.map(async (i) => {
      const host = names.dockerHost(i);
      const containers = tryDocker(host, ['ps', '-aq']).split('\n').filter(Boolean);
      if (containers.length) tryDocker(host, ['rm', '-f', ...containers]);
      await stopDaemon(join(names.dir(i), 'docker.pid'));
      await stopDaemon(join(names.dir(i), 'pid'));
      await killAll(netnsPids(names.netns(i)));
    }),
  );
  for (const i of indices) {
    const dirs = [names.dir(i), names.execRoot(i)];
    unmountUnder(dirs);
    const left = mountsUnder(dirs);
    if (left.length) throw new Error(`still mounted after umount: ${left.join(', ')}`);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    deleteNamespace(names.netns(i));
    deleteLink(names.hostVeth(i));
  }
  deleteLink(names.bridge);
  removeForward(names.bridge);
  await stopDaemon(join(NODES_STATE, 'registry', 'pid'));
  if (mountsUnder([NODES_STATE]).length === 0)
    rmSync(NODES_STATE, { recursive: true, force: true });
}

/** SIGKILL for what an engine left in its namespace (shims), by pid, then waits for them to go. */
async function killAll(pids: number[]): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  const end = Date.now() + 10_000;
  while (pids.some(alive) && Date.now() < end) await sleep(100);
}

/** Cuts a node off the bridge (its veth down): the manager loses it, its tasks keep running. */
export function cutNode(node: SwarmNode): void {
  setLink(node.link, false);
}

/** Puts a cut node back on the bridge. */
export function reconnectNode(node: SwarmNode): void {
  setLink(node.link, true);
}

/** What `npm run env status -- --nodes` shows: one line per node, as its engine and the manager see it. */
export function describeNodes(env: SwarmNodesEnvironment): string {
  let view = new Map<string, string>();
  try {
    view = managerView(env);
  } catch {
    /* the manager does not answer: every node shows as unknown */
  }
  const rows = env.nodes.map((n) => {
    const engine = tryDocker(n.dockerHost, ['info', '--format', '{{.Swarm.LocalNodeState}}']);
    return `  ${n.name}  ${n.role.padEnd(7)}  ${n.id.slice(0, 12)}  ${n.address.padEnd(13)}  ${n.dockerHost}  (engine ${engine || 'not answering'}, link ${n.link} ${linkUp(n.link) ? 'up' : 'DOWN'}, manager sees ${view.get(n.id) ?? 'unknown'})`;
  });
  return [
    `state ${NODES_STATE}, started ${env.startedAt}`,
    `  bridge    ${env.bridge} ${env.subnet} (FORWARD ${forwardAccepted(env.bridge) ? 'accepted' : 'NOT accepted'})`,
    `  registry  http://${env.registry.host}  (plain; every node lists it as insecure)`,
    `  manager   DOCKER_HOST=${env.manager}`,
    ...rows,
  ].join('\n');
}
