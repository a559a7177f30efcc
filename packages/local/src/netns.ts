import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Host networking for the multi-node swarm: a bridge, one network namespace per node joined to
// it by a veth pair, and the FORWARD rule that lets bridged traffic through. Every command is
// an argv array; every name passed in was made by nodes.ts from its own prefix.

const run = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Runs a command and says whether it exited 0 (for checks and removals that may find nothing). */
function succeeds(cmd: string, args: string[]): boolean {
  try {
    run(cmd, args);
    return true;
  } catch {
    return false;
  }
}

/** Where `ip netns add` puts a namespace; `nsenter --net=` takes this path. */
export const netnsPath = (ns: string): string => `/run/netns/${ns}`;

/** The tools the multi-node swarm needs on the host, and what is missing (empty: it can run). */
export function netnsProblems(): string[] {
  const problems: string[] = [];
  if (process.getuid?.() !== 0)
    problems.push('it must run as root (network namespaces, veths, iptables)');
  const path = (process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':');
  for (const tool of ['ip', 'nsenter', 'iptables', 'umount', 'dockerd', 'docker-registry'])
    if (!path.some((d) => d && existsSync(join(d, tool))))
      problems.push(`${tool} is not installed`);
  return problems;
}

export function linkExists(name: string): boolean {
  return existsSync(`/sys/class/net/${name}`);
}

/** Names of the host's links that start with `prefix`. */
export function linksWithPrefix(prefix: string): string[] {
  return (JSON.parse(run('ip', ['-j', 'link', 'show'])) as Array<{ ifname: string }>)
    .map((l) => l.ifname.split('@')[0] as string)
    .filter((n) => n.startsWith(prefix));
}

/** Names of the network namespaces that start with `prefix`. */
export function netnsWithPrefix(prefix: string): string[] {
  const out = run('ip', ['-j', 'netns', 'list']);
  return ((out ? JSON.parse(out) : []) as Array<{ name: string }>)
    .map((n) => n.name)
    .filter((n) => n.startsWith(prefix));
}

/** Every IPv4 address the host has, with its prefix length, to find a subnet no one uses. */
export function hostSubnets(): string[] {
  const addrs = JSON.parse(run('ip', ['-j', '-4', 'addr', 'show'])) as Array<{
    addr_info?: Array<{ local: string; prefixlen: number }>;
  }>;
  const routes = JSON.parse(run('ip', ['-j', '-4', 'route', 'show'])) as Array<{ dst: string }>;
  return [
    ...addrs.flatMap((a) => (a.addr_info ?? []).map((i) => `${i.local}/${i.prefixlen}`)),
    ...routes.map((r) => r.dst).filter((d) => d !== 'default'),
  ];
}

/** A bridge with `address` (`10.201.7.1/24`), up. Kept when it exists already. */
export function ensureBridge(name: string, address: string): void {
  if (!linkExists(name)) run('ip', ['link', 'add', name, 'type', 'bridge']);
  const has = run('ip', ['-j', '-4', 'addr', 'show', 'dev', name]).includes(
    `"${address.split('/')[0]}"`,
  );
  if (!has) run('ip', ['addr', 'add', address, 'dev', name]);
  run('ip', ['link', 'set', name, 'up']);
}

/**
 * A namespace joined to the bridge: `hostVeth` on the bridge, its peer `nodeVeth` inside the
 * namespace with `address` (`10.201.7.11/24`), loopback up.
 */
export function addNamespace(o: {
  netns: string;
  bridge: string;
  hostVeth: string;
  nodeVeth: string;
  address: string;
}): void {
  if (!existsSync(netnsPath(o.netns))) run('ip', ['netns', 'add', o.netns]);
  if (!linkExists(o.hostVeth)) {
    run('ip', ['link', 'add', o.hostVeth, 'type', 'veth', 'peer', 'name', o.nodeVeth]);
    run('ip', ['link', 'set', o.nodeVeth, 'netns', o.netns]);
  }
  run('ip', ['link', 'set', o.hostVeth, 'master', o.bridge]);
  run('ip', ['link', 'set', o.hostVeth, 'up']);
  // `ip -n` runs only ip in the namespace: nothing else sees a remounted /sys.
  const inside = (args: string[]): string => run('ip', ['-n', o.netns, ...args]);
  if (
    !inside(['-j', '-4', 'addr', 'show', 'dev', o.nodeVeth]).includes(
      `"${o.address.split('/')[0]}"`,
    )
  )
    inside(['addr', 'add', o.address, 'dev', o.nodeVeth]);
  inside(['link', 'set', o.nodeVeth, 'up']);
  inside(['link', 'set', 'lo', 'up']);
}

/** Takes a link down (a node cut off) or back up. */
export function setLink(name: string, up: boolean): void {
  run('ip', ['link', 'set', name, up ? 'up' : 'down']);
}

/** Whether a link is administratively up. */
export function linkUp(name: string): boolean {
  if (!linkExists(name)) return false;
  const [l] = JSON.parse(run('ip', ['-j', 'link', 'show', name])) as Array<{ flags: string[] }>;
  return l?.flags.includes('UP') ?? false;
}

/** Pids of the processes in a namespace (its dockerd, containerd and shims). */
export function netnsPids(ns: string): number[] {
  if (!existsSync(netnsPath(ns))) return [];
  try {
    return run('ip', ['netns', 'pids', ns]).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function deleteNamespace(ns: string): void {
  if (existsSync(netnsPath(ns))) run('ip', ['netns', 'delete', ns]);
}

/** Deletes a link; one that went with its namespace (a veth pair goes as a whole) is gone already. */
export function deleteLink(name: string): void {
  if (linkExists(name) && !succeeds('ip', ['link', 'delete', name]) && linkExists(name))
    run('ip', ['link', 'delete', name]);
}

const forwardRule = (bridge: string): string[] => ['-i', bridge, '-o', bridge, '-j', 'ACCEPT'];

/**
 * Lets traffic between the bridge's ports through FORWARD: the host's engine sets the policy
 * to DROP and bridged frames pass iptables (bridge-nf-call-iptables).
 */
export function acceptForward(bridge: string): void {
  if (!succeeds('iptables', ['-C', 'FORWARD', ...forwardRule(bridge)]))
    run('iptables', ['-I', 'FORWARD', ...forwardRule(bridge)]);
}

/** Removes the FORWARD rule (every copy of it). */
export function removeForward(bridge: string): void {
  while (succeeds('iptables', ['-C', 'FORWARD', ...forwardRule(bridge)]))
    run('iptables', ['-D', 'FORWARD', ...forwardRule(bridge)]);
}

export function forwardAccepted(bridge: string): boolean {
  return succeeds('iptables', ['-C', 'FORWARD', ...forwardRule(bridge)]);
}

/** Mount points at or under `dirs`, deepest first, from the host's mount table. */
export function mountsUnder(dirs: string[]): string[] {
  const points = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4])
    .filter((p): p is string => p !== undefined)
    // mountinfo escapes spaces and the like as \NNN (octal).
    .map((p) => p.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))))
    .filter((p) => dirs.some((d) => p === d || p.startsWith(`${d}/`)));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

/** Unmounts everything under `dirs` (a stopped engine's overlays and netns files). */
export function unmountUnder(dirs: string[]): void {
  for (const point of mountsUnder(dirs))
    if (!succeeds('umount', [point])) succeeds('umount', ['-l', point]);
}
