import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../errors.js';
import { haproxyRoutes, routesMap } from './config.js';
import { HaproxyRouter } from './router.js';
import { HaproxyError } from './runtime-api.js';

/** A runtime API that keeps servers and map entries, and records every command. */
function fakeHaproxy(socket: string, slots = 3): { server: Server; commands: string[] } {
  const commands: string[] = [];
  const servers = new Map<string, { addr: string; status: string }>();
  for (const c of ['blue', 'green'])
    for (let i = 1; i <= slots; i++)
      servers.set(`app_${c}/${c}${i}`, { addr: '127.0.0.1:1', status: 'MAINT' });
  const map = new Map<string, string>();
  const answer = (cmd: string): string => {
    commands.push(cmd);
    let m: RegExpExecArray | null;
    if (cmd === 'show stat')
      return [
        '# pxname,svname,status,addr,stot,check_status',
        ...[...servers].map(([k, v]) => `${k.replace('/', ',')},${v.status},${v.addr},0,L7OK`),
      ].join('\n');
    if (/^show map (\S+)$/.test(cmd))
      return [...map].map(([k, v], i) => `0x${i} ${k} ${v}`).join('\n') + '\n';
    if ((m = /^(set|add) map \S+ (\S+) (\S+)$/.exec(cmd))) {
      map.set(m[2] as string, m[3] as string);
      return '\n';
    }
    if ((m = /^set server (\S+) addr (\S+) port (\d+)$/.exec(cmd))) {
      const s = servers.get(m[1] as string);
      if (!s) return 'No such server.\n';
      s.addr = `${m[2]}:${m[3]}`;
      return '\n';
    }
    if ((m = /^set server (\S+) state (ready|maint)$/.exec(cmd))) {
      const s = servers.get(m[1] as string);
      if (!s) return 'No such server.\n';
      s.status = m[2] === 'ready' ? 'UP' : 'MAINT';
      return '\n';
    }
    return 'Unknown command.\n';
  };
  const server = createServer((c) => c.on('data', (d) => c.end(answer(d.toString().trim()))));
  server.listen(socket);
  return { server, commands };
}

describe('haproxy router (fake runtime API)', () => {
  let dir = '';
  let fake: ReturnType<typeof fakeHaproxy>;
  let router: HaproxyRouter;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiln-router-'));
    fake = fakeHaproxy(join(dir, 'h.sock'));
    router = new HaproxyRouter({
      socket: join(dir, 'h.sock'),
      mapFile: join(dir, 'routes.map'),
      url: 'http://127.0.0.1:1/',
      sleep: async () => {},
    });
  });
  afterEach(async () => {
    await new Promise((r) => fake.server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds new servers before it takes old ones out, keeping those that stay', async () => {
    await router.setEndpoints('blue', ['10.0.0.1:8080', '10.0.0.2:8080']);
    fake.commands.length = 0;
    await router.setEndpoints('blue', ['10.0.0.2:8080', '10.0.0.3:8080']);
    expect(fake.commands.filter((c) => c !== 'show stat')).toEqual([
      'set server app_blue/blue3 addr 10.0.0.3 port 8080',
      'set server app_blue/blue3 state ready',
      'set server app_blue/blue1 state maint',
    ]);
    expect(
      (await router.stats('blue')).filter((s) => s.status === 'UP').map((s) => s.address),
    ).toEqual(['10.0.0.2:8080', '10.0.0.3:8080']);
  });

  it('refuses more endpoints than slots and a non-address', async () => {
    await expect(
      router.setEndpoints('green', ['10.0.0.1:1', '10.0.0.2:1', '10.0.0.3:1', '10.0.0.4:1']),
    ).rejects.toThrow('4 endpoints do not fit the 3 server slots of app_green');
    await expect(router.setEndpoints('green', ['shop:8080'])).rejects.toThrow(ConfigurationError);
  });

  it('switches with one map entry per route and keeps the map file for a reload', async () => {
    expect(await router.live()).toBeUndefined();
    await router.switchTo('green');
    expect(fake.commands.filter((c) => c.includes('map ')).slice(-2)).toEqual([
      `add map ${join(dir, 'routes.map')} live app_green`,
      `add map ${join(dir, 'routes.map')} preview app_blue`,
    ]);
    expect(await router.live()).toBe('green');
    await router.switchTo('blue');
    expect(fake.commands.at(-2)).toBe(`set map ${join(dir, 'routes.map')} live app_blue`);
    expect(readFileSync(join(dir, 'routes.map'), 'utf8')).toBe(routesMap('blue'));
  });

  it('waitReady fails with what haproxy saw', async () => {
    await expect(router.waitReady('blue', 1, 0)).rejects.toThrow(
      "haproxy's health checks did not see 1 servers of app_blue UP within 0 ms: no servers",
    );
  });

  it('a refused command is a HaproxyError', async () => {
    await new Promise((r) => fake.server.close(r));
    await expect(router.live()).rejects.toThrow(HaproxyError);
  });
});

describe('haproxyRoutes', () => {
  it('routes both frontends through one map and holds fixed slots', () => {
    const lines = haproxyRoutes({
      mapFile: '/m',
      port: 80,
      previewPort: 81,
      slots: 2,
      initial: ['10.0.0.9:8080'],
    });
    expect(lines).toContain('  use_backend %[str(live),map(/m,app_blue)]');
    expect(lines).toContain('  use_backend %[str(preview),map(/m,app_green)]');
    expect(lines.filter((l) => l.startsWith('  server '))).toEqual([
      '  server blue1 10.0.0.9:8080',
      '  server blue2 127.0.0.1:1 disabled',
      '  server green1 127.0.0.1:1 disabled',
      '  server green2 127.0.0.1:1 disabled',
    ]);
  });
});
