import { renameSync, writeFileSync } from 'node:fs';
import { ConfigurationError } from '../../errors.js';
import { sleep as realSleep } from '../../util/retry.js';
import type { Colour, TrafficRouter } from '../provider.js';
import { backendOf, LIVE_KEY, PREVIEW_KEY, routesMap } from './config.js';
import { HaproxyError, runtimeCommand, type ServerStat, showStat } from './runtime-api.js';

export interface HaproxyRouterOptions {
  /** The runtime API socket (stats socket, level admin). */
  socket: string;
  /** The map file haproxy's frontends read (config.ts); kept in step so a reload keeps the route. */
  mapFile: string;
  url?: string;
  previewUrl?: string;
  sleep?: (ms: number) => Promise<void>;
  pollMs?: number;
}

const ADDRESS = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):(\d{1,5})$/;

/**
 * The local default traffic router: haproxy through its runtime API. Servers of a pool are
 * slots pointed at task addresses; the live pool is one map entry, so a switch is one command
 * and every request after it goes to the new colour.
 */
export class HaproxyRouter implements TrafficRouter {
  readonly url?: string;
  readonly previewUrl?: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pollMs: number;

  constructor(private readonly o: HaproxyRouterOptions) {
    if (o.url) this.url = o.url;
    if (o.previewUrl) this.previewUrl = o.previewUrl;
    this.sleep = o.sleep ?? realSleep;
    this.pollMs = o.pollMs ?? 200;
  }

  private cmd(command: string): Promise<string> {
    return runtimeCommand(this.o.socket, command);
  }

  async live(): Promise<Colour | undefined> {
    const entry = (await this.routes()).get(LIVE_KEY);
    return entry === backendOf('blue')
      ? 'blue'
      : entry === backendOf('green')
        ? 'green'
        : undefined;
  }

  /** The server rows of one pool or both, for logs and summaries. */
  async stats(colour?: Colour): Promise<ServerStat[]> {
    const rows = await showStat(this.o.socket);
    const backends = colour ? [backendOf(colour)] : [backendOf('blue'), backendOf('green')];
    return rows.filter((r) => backends.includes(r.backend));
  }

  async setEndpoints(colour: Colour, addresses: readonly string[]): Promise<void> {
    const backend = backendOf(colour);
    for (const a of addresses)
      if (!ADDRESS.test(a))
        throw new ConfigurationError(`Endpoint ${JSON.stringify(a)} is not an ip:port address`);
    const slots = await this.stats(colour);
    if (slots.length === 0)
      throw new HaproxyError(
        `haproxy at ${this.o.socket} has no backend ${backend}: it runs a configuration without the router's pools; restart it with the current one`,
        'show stat',
      );
    const want = new Set(addresses);
    if (want.size > slots.length)
      throw new ConfigurationError(
        `${want.size} endpoints do not fit the ${slots.length} server slots of ${backend}`,
      );
    const active = (s: ServerStat): boolean => s.status !== 'MAINT';
    const keep = slots.filter((s) => active(s) && want.has(s.address));
    for (const s of keep) want.delete(s.address);
    const drop = slots.filter((s) => active(s) && !keep.includes(s));
    const free = [...slots.filter((s) => !active(s)), ...drop];
    // New servers first, then the old ones out: the pool is never empty on the way.
    for (const address of want) {
      const slot = free.shift() as ServerStat;
      const m = ADDRESS.exec(address) as RegExpExecArray;
      const ip = (m[1] as string).replace(/^\[|\]$/g, '');
      if (active(slot)) await this.cmd(`set server ${backend}/${slot.name} state maint`);
      await this.cmd(`set server ${backend}/${slot.name} addr ${ip} port ${m[2]}`);
      await this.cmd(`set server ${backend}/${slot.name} state ready`);
      const reused = drop.indexOf(slot);
      if (reused >= 0) drop.splice(reused, 1);
    }
    for (const s of drop) await this.cmd(`set server ${backend}/${s.name} state maint`);
  }

  async waitReady(colour: Colour, count: number, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    let rows: ServerStat[];
    for (;;) {
      rows = (await this.stats(colour)).filter((r) => r.status !== 'MAINT');
      if (rows.filter((r) => r.status === 'UP').length >= count) return;
      if (Date.now() >= end) break;
      await this.sleep(this.pollMs);
    }
    throw new HaproxyError(
      `haproxy's health checks did not see ${count} servers of ${backendOf(colour)} UP within ${timeoutMs} ms: ${rows.map((r) => `${r.name} ${r.address} ${r.status} ${r.check}`).join(', ') || 'no servers'}`,
      'show stat',
    );
  }

  async switchTo(colour: Colour): Promise<void> {
    const routes = await this.routes();
    const idle: Colour = colour === 'blue' ? 'green' : 'blue';
    // One map entry per route: the live one flips in one command.
    for (const [key, backend] of [
      [LIVE_KEY, backendOf(colour)],
      [PREVIEW_KEY, backendOf(idle)],
    ] as const) {
      const verb = routes.has(key) ? 'set' : 'add';
      await this.cmd(`${verb} map ${this.o.mapFile} ${key} ${backend}`);
    }
    const tmp = `${this.o.mapFile}.${process.pid}.tmp`;
    writeFileSync(tmp, routesMap(colour));
    renameSync(tmp, this.o.mapFile);
  }

  private async routes(): Promise<Map<string, string>> {
    const out = await this.cmd(`show map ${this.o.mapFile}`);
    const entries = new Map<string, string>();
    for (const line of out.split('\n')) {
      const [, key, value] = line.trim().split(/\s+/);
      if (key && value) entries.set(key, value);
    }
    return entries;
  }
}
