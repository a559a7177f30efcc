import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type DeployRequest,
  type DeployResult,
  digestOf,
  type FleetProvider,
  isTrafficRouting,
  type Strategy,
} from '@kiln/core/fleet';

/** What a provider's environment gives the shared cases. */
export interface FleetContract {
  /** A provider for a fresh, empty target of its own (each strategy gets one). */
  fleet(strategy: Strategy): Promise<FleetProvider>;
  /** Pinned images: two good releases and one whose health check fails. */
  images: { v1: string; v2: string; bad: string };
  /** Text each good release's page contains, to tell through the router which one answered. */
  pages: { v1: string; v2: string };
  /** Path of that page behind the router's URL. */
  path: string;
  replicas: number;
  /** Everything of a request but the image and strategy (port, network, health, timeouts …). */
  request: Omit<DeployRequest, 'image' | 'strategy'>;
  /** Removes what the cases made. */
  teardown(): Promise<void>;
}

/** Requests through the router while `fn` runs; bounded by `fn` and by `max`. */
export async function underTraffic<T>(
  url: string,
  fn: () => Promise<T>,
  opts: { max?: number; loops?: number } = {},
): Promise<{ result: T; ok: number; failed: string[]; bodies: string[] }> {
  const max = opts.max ?? 20_000;
  let done = false;
  let ok = 0;
  const failed: string[] = [];
  const bodies: string[] = [];
  const loop = async (): Promise<void> => {
    while (!done && ok + failed.length < max) {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        const body = await res.text();
        if (res.status === 200) {
          ok++;
          bodies.push(body);
        } else failed.push(`${res.status} ${body.slice(0, 80)}`);
      } catch (err) {
        failed.push(String(err));
      }
    }
  };
  const loops = Array.from({ length: opts.loops ?? 2 }, loop);
  try {
    const result = await fn();
    return { result, ok, failed, bodies };
  } finally {
    done = true;
    await Promise.all(loops);
  }
}

/** The digests every running instance of the fleet runs. */
async function runningDigests(p: FleetProvider): Promise<string[]> {
  return (await p.current()).tasks.map((t) => digestOf(t.image) ?? t.image);
}

/**
 * The cases every fleet provider passes: swarm for real, Kubernetes and AWS against their
 * fakes. `make` runs once, in beforeAll.
 */
export function describeFleetProvider(
  name: string,
  make: () => Promise<FleetContract>,
  /** The strategies the provider offers; the cases of the others are reported skipped. */
  opts: { strategies?: readonly Strategy[] } = {},
): void {
  const offers = (s: Strategy) => (opts.strategies ?? ['rolling', 'blue-green']).includes(s);
  describe(`fleet provider contract: ${name}`, () => {
    let c: FleetContract;
    const digest = (image: string): string => digestOf(image) as string;
    const req = (image: string, strategy: Strategy, extra: Partial<DeployRequest> = {}) => ({
      ...c.request,
      image,
      strategy,
      ...extra,
    });
    const expectOn = async (p: FleetProvider, image: string, r?: DeployResult): Promise<void> => {
      const proof = await p.converged(digest(image), c.replicas);
      expect(proof.problems).toEqual([]);
      expect(proof).toMatchObject({
        converged: true,
        digest: digest(image),
        healthy: c.replicas,
        running: c.replicas,
      });
      expect(proof.summary).toBe(`${c.replicas}/${c.replicas} healthy on ${digest(image)}`);
      expect(await runningDigests(p)).toEqual(Array(c.replicas).fill(digest(image)));
      if (r) expect(r.proof.converged).toBe(true);
    };

    beforeAll(async () => {
      c = await make();
    }, 240_000);
    afterAll(async () => {
      await c?.teardown();
    }, 120_000);

    (offers('rolling') ? describe : describe.skip)('rolling', () => {
      let p: FleetProvider;
      beforeAll(async () => {
        p = await c.fleet('rolling');
      });

      it('first deploy creates the fleet and converges N/N', async () => {
        expect((await p.current()).exists).toBe(false);
        const r = await p.deploy(req(c.images.v1, 'rolling'));
        expect(r).toMatchObject({
          outcome: 'deployed',
          requested: c.images.v1,
          image: c.images.v1,
        });
        expect(r.previous).toBeUndefined();
        await expectOn(p, c.images.v1, r);
      }, 120_000);

      it('the same digest again is unchanged and restarts nothing', async () => {
        const before = (await p.current()).tasks.map((t) => t.id).sort();
        const r = await p.deploy(req(c.images.v1, 'rolling'));
        expect(r.outcome).toBe('unchanged');
        expect(r.proof.converged).toBe(true);
        expect((await p.current()).tasks.map((t) => t.id).sort()).toEqual(before);
      }, 60_000);

      it('rolling to a new digest converges on it N/N (through the router: no failed request)', async () => {
        const deploy = () => p.deploy(req(c.images.v2, 'rolling'));
        let r: DeployResult;
        if (isTrafficRouting(p) && p.router.url) {
          const t = await underTraffic(new URL(c.path, p.router.url).toString(), deploy);
          expect(t.failed).toEqual([]);
          expect(t.ok).toBeGreaterThan(0);
          expect(t.bodies.at(-1)).toContain(c.pages.v2);
          r = t.result;
        } else r = await deploy();
        expect(r).toMatchObject({
          outcome: 'deployed',
          image: c.images.v2,
          previous: c.images.v1,
        });
        await expectOn(p, c.images.v2, r);
      }, 120_000);

      it('rollback() after a good deploy returns to the previous digest', async () => {
        const r = await p.rollback();
        expect(r).toMatchObject({
          outcome: 'rolled-back',
          image: c.images.v1,
          previous: c.images.v2,
        });
        await expectOn(p, c.images.v1, r);
      }, 120_000);

      it('a release whose health check fails is rolled back, ending N/N on the previous digest', async () => {
        const r = await p.deploy(req(c.images.bad, 'rolling'));
        expect(r.outcome).toBe('rolled-back');
        expect(r.requested).toBe(c.images.bad);
        expect(r.image).toBe(c.images.v1);
        expect(r.reason).toBeTruthy();
        await expectOn(p, c.images.v1, r);
      }, 180_000);
    });

    (offers('blue-green') ? describe : describe.skip)('blue-green', () => {
      let p: FleetProvider;
      let url = '';
      beforeAll(async () => {
        p = await c.fleet('blue-green');
        if (!isTrafficRouting(p)) throw new Error(`${name}: blue-green needs a traffic router`);
        url = new URL(c.path, p.router.url).toString();
      });
      const pages = async (image: string, fn: () => Promise<DeployResult>) => {
        const t = await underTraffic(url, fn);
        return { ...t, after: await (await fetch(url)).text(), image };
      };

      it('first deploy creates the live colour, N/N, served by the router', async () => {
        const r = await p.deploy(req(c.images.v1, 'blue-green'));
        expect(r.outcome).toBe('deployed');
        await expectOn(p, c.images.v1, r);
        expect(await (await fetch(url)).text()).toContain(c.pages.v1);
      }, 120_000);

      it('a new digest converges and the router serves it, with no failed request during the switch', async () => {
        const t = await pages(c.images.v2, () =>
          p.deploy(req(c.images.v2, 'blue-green', { keepWarmMs: 600_000 })),
        );
        expect(t.failed).toEqual([]);
        expect(t.ok).toBeGreaterThan(0);
        expect(t.result).toMatchObject({ outcome: 'deployed', previous: c.images.v1 });
        expect(t.result.warmUntil).toBeTruthy();
        expect(t.after).toContain(c.pages.v2);
        // Every answer is one release or the other, and after the switch only the new one.
        expect(t.bodies.every((b) => b.includes(c.pages.v1) || b.includes(c.pages.v2))).toBe(true);
        expect(t.bodies.at(-1)).toContain(c.pages.v2);
        await expectOn(p, c.images.v2, t.result);
      }, 120_000);

      it('a release whose health check fails never takes traffic and is reported rolled-back', async () => {
        const t = await pages(c.images.bad, () => p.deploy(req(c.images.bad, 'blue-green')));
        expect(t.failed).toEqual([]);
        expect(t.result).toMatchObject({ outcome: 'rolled-back', image: c.images.v2 });
        expect(t.result.reason).toBeTruthy();
        expect(t.bodies.every((b) => b.includes(c.pages.v2))).toBe(true);
        await expectOn(p, c.images.v2, t.result);
      }, 180_000);

      it('rollback() inside the keep-warm window switches back to the previous digest', async () => {
        const t = await pages(c.images.v1, () => p.rollback());
        expect(t.failed).toEqual([]);
        expect(t.result).toMatchObject({
          outcome: 'rolled-back',
          image: c.images.v1,
          previous: c.images.v2,
        });
        expect(t.after).toContain(c.pages.v1);
        await expectOn(p, c.images.v1, t.result);
      }, 120_000);
    });
  });
}
