import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';

/**
 * A free /24 for the demo's bridge network. Swarm's address allocator does not look at the
 * host's routes, and a bridge network (unlike an overlay) adds a route on the host, so a
 * subnet that overlaps the machine's own LAN would cut the machine off it: pick one that
 * overlaps no host route, no interface address and no subnet the engine already uses.
 */
export function pickFreeSubnet(taken: readonly string[] = []): string {
  const used = [...hostRoutes(), ...interfaceNets(), ...taken.flatMap(parseCidr)];
  for (let third = 0; third < 256; third++) {
    const candidate = { base: toInt(`10.213.${third}.0`), bits: 24 };
    if (!used.some((u) => overlaps(u, candidate))) return `10.213.${third}.0/24`;
  }
  throw new Error('no free /24 in 10.213.0.0/16 for the demo network');
}

interface Net {
  base: number;
  bits: number;
}

function toInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function parseCidr(cidr: string): Net[] {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr.trim());
  return m ? [{ base: toInt(m[1] as string), bits: Number(m[2]) }] : [];
}

function overlaps(a: Net, b: Net): boolean {
  const bits = Math.min(a.bits, b.bits);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (a.base & mask) >>> 0 === (b.base & mask) >>> 0;
}

/** IPv4 routes from /proc/net/route (addresses in little-endian hex), the default route left out. */
function hostRoutes(): Net[] {
  let text: string;
  try {
    text = readFileSync('/proc/net/route', 'utf8');
  } catch {
    return [];
  }
  const le = (hex: string): number => Buffer.from(hex, 'hex').readUInt32LE(0);
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 8 && f[1] !== '00000000')
    .map((f) => {
      const mask = le(f[7] as string);
      return { base: le(f[1] as string), bits: mask.toString(2).replace(/0/g, '').length };
    });
}

function interfaceNets(): Net[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
    .flatMap((i) => (i?.cidr ? parseCidr(i.cidr) : []));
}
