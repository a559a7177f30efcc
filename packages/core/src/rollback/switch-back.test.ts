import { describe, expect, it } from '@jest/globals';
import { ConvergenceError, proveConvergence } from '../fleet/converged.js';
import {
  type DeployRequest,
  type DeployResult,
  type FleetProvider,
  type FleetState,
  isTrafficRouting,
  type TrafficRouter,
} from '../fleet/provider.js';
import { SwitchBackProvider } from './switch-back.js';

const A = `registry.example/shop@sha256:${'a'.repeat(64)}`;
const B = `registry.example/shop@sha256:${'b'.repeat(64)}`;
const C = `registry.example/shop@sha256:${'c'.repeat(64)}`;
const digest = (image: string) => image.slice(image.indexOf('@') + 1);
const tasks = (image: string) =>
  [0, 1].map((i) => ({ id: `t${i}`, node: 'n', state: 'running', health: 'healthy', image }));

const request = (
  image: string,
  strategy: DeployRequest['strategy'] = 'blue-green',
): DeployRequest => ({
  image,
  strategy,
  batchSize: 1,
  healthTimeoutMs: 1000,
  autoRollback: true,
  keepWarmMs: 60_000,
});

/** A fleet that says what it was asked; rollback() returns `back` (default: the warm colour, N/N). */
function fleet(state: Partial<FleetState>, back?: DeployResult) {
  const calls: string[] = [];
  const router = { switchTo: async () => {} } as unknown as TrafficRouter;
  const inner: FleetProvider & { router: TrafficRouter } = {
    kind: 'fake',
    target: 'shop',
    router,
    current: async () => {
      calls.push('current');
      return { target: 'shop', exists: true, replicas: 2, digests: [], tasks: [], ...state };
    },
    deploy: async (r) => {
      calls.push(`deploy ${r.image}`);
      return {
        outcome: 'deployed',
        strategy: r.strategy,
        requested: r.image,
        image: r.image,
        proof: proveConvergence(tasks(r.image), digest(r.image), 2),
        durationMs: 1,
      };
    },
    rollback: async (seen) => {
      calls.push(seen ? `rollback on ${seen.live ?? 'a'} look` : 'rollback');
      const image = state.warm?.image ?? '';
      return (
        back ?? {
          outcome: 'rolled-back',
          strategy: 'blue-green',
          requested: image,
          image,
          previous: state.image as string,
          reason: 'rollback requested',
          proof: proveConvergence(tasks(image), digest(image), 2),
          durationMs: 1,
        }
      );
    },
    converged: async () => proveConvergence([], '', 0),
  };
  return { inner, calls };
}

describe('SwitchBackProvider', () => {
  it('a digest the warm colour still runs: one switch back, reported deployed, without the provider’s reason', async () => {
    const { inner, calls } = fleet({
      strategy: 'blue-green',
      image: B,
      live: 'green',
      warm: { colour: 'blue', image: A, until: '2026-01-01T00:10:00.000Z' },
    });
    const log: string[] = [];
    const p = new SwitchBackProvider(inner, (l) => log.push(l));
    expect(isTrafficRouting(p)).toBe(true);
    await p.current(); // replace-fleet looks first; that look decides, and the switch acts on it
    const r = await p.deploy(request(A));
    expect(calls).toEqual(['current', 'rollback on green look']);
    expect(r).toMatchObject({ outcome: 'deployed', requested: A, image: A, previous: B });
    expect(r).not.toHaveProperty('reason');
    expect(r.proof.converged).toBe(true);
    expect(p.path?.kind).toBe('switch-back');
    expect(log).toEqual([
      `rollback path: switch back: blue still runs sha256:aaaaaaaaaaaa… (kept warm until 2026-01-01T00:10:00.000Z), so the rollback is one traffic switch (the provider's rollback)`,
    ]);
  });

  it('a warm colour on another digest, no warm colour, the live colour already on it, or a rolling fleet: the deploy any digest gets', async () => {
    for (const [state, req, line] of [
      [
        { strategy: 'blue-green', image: B, live: 'green', warm: { colour: 'blue', image: C } },
        request(A),
        'rollback path: blue-green deploy: the warm colour blue runs sha256:cccccccccccc…, so sha256:aaaaaaaaaaaa… starts on the idle colour, then traffic switches once',
      ],
      [
        { strategy: 'blue-green', image: B, live: 'green' },
        request(A),
        'rollback path: blue-green deploy: no colour is kept warm, so sha256:aaaaaaaaaaaa… starts on the idle colour, then traffic switches once',
      ],
      [
        { strategy: 'blue-green', image: A, live: 'blue', warm: { colour: 'green', image: B } },
        request(A),
        'rollback path: blue-green deploy: the live colour blue already runs sha256:aaaaaaaaaaaa… (an earlier run switched to it), so the deploy finds it unchanged and retires or keeps warm the other colour per keep-warm',
      ],
      [
        { strategy: 'rolling', image: B },
        request(A, 'rolling'),
        'rollback path: rolling deploy of sha256:aaaaaaaaaaaa… (the fleet is rolling: there is no warm colour to switch back to)',
      ],
    ] as const) {
      const { inner, calls } = fleet(state as Partial<FleetState>);
      const log: string[] = [];
      const p = new SwitchBackProvider(inner, (l) => log.push(l));
      const r = await p.deploy(req);
      expect(calls).toEqual(['current', `deploy ${A}`]);
      expect(r.outcome).toBe('deployed');
      expect(p.path?.kind).toBe('redeploy');
      expect(log).toEqual([line]);
    }
  });

  it('a look already under way is the first current(); later ones look again', async () => {
    const { inner, calls } = fleet({ strategy: 'blue-green', image: B, live: 'green' });
    const early = {
      target: 'shop',
      exists: true,
      replicas: 2,
      digests: [],
      tasks: [],
      live: 'blue' as const,
    };
    const p = new SwitchBackProvider(
      inner,
      () => {},
      async () => {},
      async () => early,
    );
    expect(await p.current()).toBe(early);
    expect(calls).toEqual([]);
    expect((await p.current()).live).toBe('green');
    expect(calls).toEqual(['current']);
  });

  it('a switch that ends on another digest is not a deploy of the target', async () => {
    const { inner } = fleet(
      { strategy: 'blue-green', image: B, live: 'green', warm: { colour: 'blue', image: A } },
      {
        outcome: 'rolled-back',
        strategy: 'blue-green',
        requested: C,
        image: C,
        proof: proveConvergence(tasks(C), digest(C), 2),
        durationMs: 1,
      },
    );
    const err = await new SwitchBackProvider(inner).deploy(request(A)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConvergenceError);
    expect((err as Error).message).toBe(
      `the switch back to ${A} ended on ${C}: 2/2 healthy on ${digest(C)}`,
    );
  });
});
