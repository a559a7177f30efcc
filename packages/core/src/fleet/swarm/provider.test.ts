import { describe, expect, it } from '@jest/globals';
import { FakeRouter, FakeSwarm } from '../../../../../test/support/fake-swarm.js';
import { ConfigurationError } from '../../errors.js';
import { ConvergenceError } from '../converged.js';
import type { DeployRequest } from '../provider.js';
import { isTrafficRouting } from '../provider.js';
import { loadProvider } from '../providers.js';
import { SwarmProvider } from './provider.js';

const D = (c: string): string => `sha256:${c.repeat(64)}`;
const V1 = `reg.test/shop@${D('1')}`;
const V2 = `reg.test/shop@${D('2')}`;
const BAD = `reg.test/shop@${D('b')}`;

const request = (image: string, extra: Partial<DeployRequest> = {}): DeployRequest => ({
  image,
  strategy: 'rolling',
  batchSize: 1,
  healthTimeoutMs: 1_000,
  autoRollback: true,
  keepWarmMs: 0,
  replicas: 2,
  port: 8080,
  network: 'net',
  ...extra,
});

/** A clock that moves only when the provider sleeps, so deadlines pass without waiting. */
function fakeTime(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let t = 0;
  return { now: () => t, sleep: async (ms) => void (t += ms) };
}

function make(router?: FakeRouter): { swarm: FakeSwarm; fleet: SwarmProvider; log: string[] } {
  const swarm = new FakeSwarm();
  const log: string[] = [];
  const fleet = new SwarmProvider({
    target: 'shop',
    docker: swarm,
    ...(router ? { router } : {}),
    log: (l) => log.push(l),
    drainMs: 0,
    ...fakeTime(),
  });
  return { swarm, fleet, log };
}

describe('swarm provider (fake engine)', () => {
  it('refuses a tag before any engine call', async () => {
    const { swarm, fleet } = make();
    await expect(fleet.deploy(request('reg.test/shop:latest'))).rejects.toThrow(
      /must be pinned by digest/,
    );
    expect(swarm.calls).toEqual([]);
  });

  it('refuses an invalid target name', () => {
    expect(() => new SwarmProvider({ target: '-x y', docker: new FakeSwarm() })).toThrow(
      ConfigurationError,
    );
  });

  it('creates the service on the first deploy with the engine policy, and proves N/N', async () => {
    const { swarm, fleet, log } = make();
    const r = await fleet.deploy(request(V1));
    expect(r).toMatchObject({ outcome: 'deployed', image: V1, requested: V1 });
    expect(r.proof.summary).toBe(`2/2 healthy on ${D('1')}`);
    const [create] = swarm.commands('service create');
    expect(create).toEqual(
      expect.arrayContaining(['--update-order', 'start-first', '--update-failure-action']),
    );
    expect(create?.at(-1)).toBe(V1);
    expect(swarm.commands('network create')).toHaveLength(1);
    expect(log).toContain(`shop: 2/2 healthy on ${D('1')}`);
  });

  it('needs replicas for a first deploy', async () => {
    const { fleet } = make();
    await expect(fleet.deploy(request(V1, { replicas: undefined }))).rejects.toThrow(
      'service shop does not exist yet: the first deploy needs replicas',
    );
  });

  it('reports the same converged digest as unchanged and issues no update', async () => {
    const { swarm, fleet } = make();
    swarm.seed('shop', V1, 2, { 'dev.kiln.fleet.port': '8080' });
    const r = await fleet.deploy(request(V1));
    expect(r.outcome).toBe('unchanged');
    expect(swarm.commands('service update')).toEqual([]);
  });

  it('rolls to a new digest with one update carrying the batch size', async () => {
    const { swarm, fleet } = make();
    swarm.seed('shop', V1, 2);
    const r = await fleet.deploy(request(V2, { batchSize: 2 }));
    expect(r).toMatchObject({ outcome: 'deployed', image: V2, previous: V1 });
    const updates = swarm.commands('service update');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toEqual(expect.arrayContaining(['--update-parallelism', '2']));
    expect(updates[0]?.slice(-3)).toEqual(['--image', V2, 'shop']);
  });

  it("reports the engine's own rollback as rolled-back, on the previous digest N/N", async () => {
    const { swarm, fleet } = make();
    swarm.seed('shop', V1, 2);
    swarm.failing.add(BAD);
    const r = await fleet.deploy(request(BAD));
    expect(r).toMatchObject({
      outcome: 'rolled-back',
      requested: BAD,
      image: V1,
      previous: V1,
    });
    expect(r.reason).toMatch(/^update rollback_completed: rollback completed/);
    expect(r.proof).toMatchObject({ converged: true, digest: D('1') });
    // The engine already went back: Kiln does not roll back a second time.
    expect(swarm.commands('service rollback')).toEqual([]);
  });

  it("says a rollback of an image no node could pull is a pull failure, with the engine's reason", async () => {
    const { swarm, fleet } = make();
    swarm.seed('shop', V1, 2);
    swarm.unpullable.add(BAD);
    const r = await fleet.deploy(request(BAD));
    expect(r).toMatchObject({ outcome: 'rolled-back', image: V1, failure: 'pull' });
    expect(r.reason).toBe(
      `the image could not be pulled: No such image: reg.test/shop@sha256:${'b'.repeat(12)}…`,
    );
  });

  it('a release that ran and failed its health is not a pull failure', async () => {
    const { swarm, fleet } = make();
    swarm.seed('shop', V1, 2);
    swarm.failing.add(BAD);
    const r = await fleet.deploy(request(BAD));
    expect(r.outcome).toBe('rolled-back');
    expect(r.failure).toBeUndefined();
    expect(r.reason).toMatch(/unhealthy container/);
  });

  it('rolls back itself when health does not come within the timeout', async () => {
    const { swarm, fleet } = make();
    swarm.seed('shop', V1, 2);
    const r0 = await fleet.deploy(request(V2));
    expect(r0.outcome).toBe('deployed');
    // A release whose tasks stay "starting": the engine never decides, the deadline does.
    const s = swarm.services.get('shop');
    if (!s) throw new Error('no service');
    const stuck = `reg.test/shop@${D('c')}`;
    const original = swarm.output.bind(swarm);
    swarm.output = async (args) => {
      const out = await original(args);
      if (args[0] === 'service' && args[1] === 'update' && args.includes(stuck))
        for (const t of s.tasks) Object.assign(t, { state: 'starting', health: 'starting' });
      return out;
    };
    const r = await fleet.deploy(request(stuck, { healthTimeoutMs: 2_000 }));
    expect(r).toMatchObject({ outcome: 'rolled-back', image: V2 });
    expect(r.reason).toMatch(/^not N\/N healthy in time: task task\d+: it is starting/);
    expect(swarm.commands('service rollback')).toHaveLength(1);
  });

  it('with auto-rollback off, a failed update is an error, not rolled-back', async () => {
    const { swarm, fleet } = make();
    swarm.seed('shop', V1, 2);
    const s = swarm.services.get('shop');
    if (!s) throw new Error('no service');
    const original = swarm.output.bind(swarm);
    swarm.output = async (args) => {
      const out = await original(args);
      if (args[1] === 'update') for (const t of s.tasks) t.health = 'unhealthy';
      return out;
    };
    await expect(fleet.deploy(request(V2, { autoRollback: false }))).rejects.toThrow(
      ConvergenceError,
    );
    expect(swarm.commands('service update')[0]).toEqual(
      expect.arrayContaining(['--update-failure-action', 'pause']),
    );
    expect(swarm.commands('service rollback')).toEqual([]);
  });

  it('watches an update a dead runner left in progress instead of starting another', async () => {
    const { swarm, fleet } = make();
    swarm.seed('shop', V1, 2);
    const s = swarm.services.get('shop');
    if (!s) throw new Error('no service');
    s.previous = { ...s.spec };
    s.spec = { ...s.spec, image: V2 };
    s.update = { State: 'updating' };
    let looks = 0;
    const original = swarm.output.bind(swarm);
    swarm.output = async (args) => {
      if (args[1] === 'inspect' && ++looks === 4) {
        s.tasks = s.tasks.map((t, i) => ({ ...t, id: `new${i}`, image: V2 }));
        s.update = { State: 'completed' };
      }
      return original(args);
    };
    const r = await fleet.deploy(request(V2));
    expect(r).toMatchObject({ outcome: 'deployed', image: V2, previous: V1 });
    expect(r.proof.digest).toBe(D('2'));
    expect(swarm.commands('service update')).toEqual([]);
  });

  it('rollback() goes to the previous spec, and refuses after a rollback', async () => {
    const { swarm, fleet } = make();
    swarm.seed('shop', V1, 2);
    await fleet.deploy(request(V2));
    const r = await fleet.rollback();
    expect(r).toMatchObject({ outcome: 'rolled-back', image: V1, previous: V2 });
    await expect(fleet.rollback()).rejects.toThrow(
      'service shop was already rolled back to reg.test/shop@',
    );
  });

  it('rollback() with nothing deployed is a configuration error', async () => {
    const { fleet } = make(new FakeRouter());
    await expect(fleet.rollback()).rejects.toThrow('fleet shop takes no traffic');
  });

  it('does not count a task on a node the manager lost or drains as healthy (one node ls a look)', async () => {
    const { swarm, fleet } = make();
    swarm.seed('shop', V1, 3, { 'dev.kiln.fleet.port': '8080' });
    expect((await fleet.converged(D('1'), 3)).summary).toBe(`3/3 healthy on ${D('1')}`);
    const [a, b, c] = swarm.services.get('shop')?.tasks ?? [];
    if (!a || !b || !c) throw new Error('seeded 3 tasks');
    swarm.nodes.set('node2', { status: 'Down', availability: 'Active' });
    swarm.nodes.set('node3', { status: 'Ready', availability: 'Drain' });
    swarm.nodes.set('node4', { status: 'Ready', availability: 'Pause' });
    [a.node, b.node, c.node] = ['node2', 'node3', 'node4'];
    const before = swarm.commands('node ls').length;
    const state = await fleet.current();
    expect(swarm.commands('node ls').length - before).toBe(1);
    expect(state.tasks.map((t) => t.health)).toEqual([
      'unknown (node node2 is Down)',
      'unknown (node node3 is draining)',
      'healthy',
    ]);
    const proof = await fleet.converged(D('1'), 3);
    expect(proof.converged).toBe(false);
    expect(proof.summary).toBe(`1/3 healthy on ${D('1')}`);
    expect(proof.problems).toEqual([
      `task ${a.id}: its health is unknown (node node2 is Down)`,
      `task ${b.id}: its health is unknown (node node3 is draining)`,
    ]);
    // A node the manager no longer lists at all does not vouch for its task either.
    swarm.nodes.delete('node4');
    expect((await fleet.converged(D('1'), 3)).problems).toContain(
      `task ${c.id}: its health is unknown (node node4 is not in the swarm)`,
    );
  });

  it('keeps the router on the healthy tasks of a rolling fleet and makes the pool live', async () => {
    const router = new FakeRouter();
    const { fleet } = make(router);
    await fleet.deploy(request(V1));
    expect(router.liveColour).toBe('blue');
    expect(router.pools.blue).toHaveLength(2);
    expect(router.pools.blue.every((a) => /^10\.0\.0\.\d+:8080$/.test(a))).toBe(true);
  });
});

describe('swarm provider, blue-green (fake engine, fake router)', () => {
  const bg = (image: string, extra: Partial<DeployRequest> = {}): DeployRequest =>
    request(image, { strategy: 'blue-green', ...extra });

  it('needs a router', async () => {
    const { fleet } = make();
    await expect(fleet.deploy(bg(V1))).rejects.toThrow(/needs a traffic router/);
  });

  it('brings up the idle colour, checks it, then switches; the old colour stays warm', async () => {
    const router = new FakeRouter();
    const { swarm, fleet } = make(router);
    expect(isTrafficRouting(fleet)).toBe(true);
    await fleet.deploy(bg(V1));
    expect(router.liveColour).toBe('blue');
    const previews: string[] = [];
    const r = await fleet.deploy(
      bg(V2, { keepWarmMs: 60_000, preview: async (url) => void previews.push(url) }),
    );
    expect(r).toMatchObject({ outcome: 'deployed', image: V2, previous: V1 });
    expect(Date.parse(r.warmUntil ?? '')).toBeGreaterThanOrEqual(60_000);
    expect(swarm.services.get('shop-blue')?.spec.labels['dev.kiln.fleet.warm-until']).toBe(
      r.warmUntil,
    );
    expect(previews).toEqual([router.previewUrl]);
    expect(router.liveColour).toBe('green');
    // Pool first, its checks, then the switch.
    expect(router.calls.slice(-3)).toEqual([
      expect.stringMatching(/^set green /),
      'wait green 2',
      'switch green',
    ]);
    expect(swarm.services.get('shop-blue')?.spec.replicas).toBe(2);
    const state = await fleet.current();
    expect(state).toMatchObject({ strategy: 'blue-green', live: 'green', image: V2 });
    expect(state.warm).toMatchObject({ colour: 'blue', image: V1 });
  });

  it('retires the old colour at once with keep-warm 0', async () => {
    const router = new FakeRouter();
    const { swarm, fleet } = make(router);
    await fleet.deploy(bg(V1));
    await fleet.deploy(bg(V2));
    expect(swarm.services.get('shop-blue')?.spec.replicas).toBe(0);
    expect(router.pools.blue).toEqual([]);
  });

  it('a failing preview never takes traffic and is reported rolled-back', async () => {
    const router = new FakeRouter();
    const { swarm, fleet } = make(router);
    await fleet.deploy(bg(V1));
    const r = await fleet.deploy(
      bg(V2, {
        preview: async () => {
          throw new Error('preview answered 500');
        },
      }),
    );
    expect(r).toMatchObject({ outcome: 'rolled-back', image: V1, reason: 'preview answered 500' });
    expect(router.liveColour).toBe('blue');
    expect(swarm.services.get('shop-green')?.spec.replicas).toBe(0);
  });

  it('rollback() switches back to the warm colour and retires the bad one', async () => {
    const router = new FakeRouter();
    const { swarm, fleet } = make(router);
    await fleet.deploy(bg(V1));
    await fleet.deploy(bg(V2, { keepWarmMs: 60_000 }));
    const r = await fleet.rollback();
    expect(r).toMatchObject({ outcome: 'rolled-back', image: V1, previous: V2 });
    expect(router.liveColour).toBe('blue');
    expect(swarm.services.get('shop-green')?.spec.replicas).toBe(0);
  });

  it('rollback(seen) switches on the look it is given, then proves N/N from a fresh one', async () => {
    const router = new FakeRouter();
    const { swarm, fleet } = make(router);
    await fleet.deploy(bg(V1));
    await fleet.deploy(bg(V2, { keepWarmMs: 60_000 }));
    const seen = await fleet.current();
    expect(seen.warm).toMatchObject({ colour: 'blue', image: V1, replicas: 2 });
    expect(seen.warm?.tasks).toHaveLength(2);
    const before = swarm.calls.length;
    const order: string[] = [];
    const switchTo = router.switchTo.bind(router);
    router.switchTo = async (c) => {
      order.push(`switch after ${swarm.calls.length - before} engine calls`);
      await switchTo(c);
    };
    const r = await fleet.rollback(seen);
    expect(order).toEqual(['switch after 0 engine calls']);
    expect(r).toMatchObject({ outcome: 'rolled-back', image: V1, previous: V2 });
    expect(r.proof.summary).toBe(`2/2 healthy on ${D('1')}`);
    expect(router.liveColour).toBe('blue');
    // After the switch: the fresh look, the keep-warm label off, the bad colour retired.
    const after = swarm.calls.slice(before).map((c) => c.slice(0, 2).join(' '));
    expect(after).toEqual(expect.arrayContaining(['service ps', 'service update']));
    expect(swarm.services.get('shop-blue')?.spec.labels).not.toHaveProperty(
      'dev.kiln.fleet.warm-until',
    );
    expect(swarm.services.get('shop-green')?.spec.replicas).toBe(0);
  });

  it('rollback(seen) looks again when the warm colour was not N/N in the look', async () => {
    const router = new FakeRouter();
    const { swarm, fleet, log } = make(router);
    await fleet.deploy(bg(V1));
    await fleet.deploy(bg(V2, { keepWarmMs: 60_000 }));
    const seen = await fleet.current();
    const warm = seen.warm as NonNullable<typeof seen.warm>;
    const stale = { ...seen, warm: { ...warm, tasks: warm.tasks?.slice(1) ?? [] } };
    const before = swarm.calls.length;
    const r = await fleet.rollback(stale);
    expect(r).toMatchObject({ outcome: 'rolled-back', image: V1 });
    expect(log).toContain(
      `blue is kept warm but not 1/2 healthy on ${D('1')}: looking again before the switch`,
    );
    expect(swarm.calls[before]?.slice(0, 2)).toEqual(['service', 'inspect']);
    expect(router.liveColour).toBe('blue');
  });

  it('refuses a target that runs as a rolling fleet', async () => {
    const { swarm, fleet } = make(new FakeRouter());
    swarm.seed('shop', V1, 2);
    await expect(fleet.deploy(bg(V2))).rejects.toThrow(/runs as a rolling fleet/);
  });
});

describe('loadProvider', () => {
  it('loads the swarm provider lazily', async () => {
    const p = await loadProvider('swarm', { target: 'shop', docker: new FakeSwarm() });
    expect(p).toBeInstanceOf(SwarmProvider);
    expect(p.kind).toBe('swarm');
  });

  it('refuses an unknown kind naming the input', async () => {
    await expect(loadProvider('nomad' as 'swarm', { target: 'x' })).rejects.toThrow(
      'Input "provider" has value "nomad": must be one of swarm',
    );
  });
});
