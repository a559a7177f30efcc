import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { ConfigurationError } from '@kiln/core/errors';
import {
  type DeployRequest,
  type FleetProvider,
  loadProvider,
  type Strategy,
} from '@kiln/core/fleet';
import { redact } from '@kiln/core/log';
import { sha256 } from '@kiln/core/oci';
import { startFakeKubeApi, type FakeKubeApi } from '../support/fake-kube-api.js';
import { describeFleetProvider } from '../support/fleet-contract.js';

const NS = 'shop';
const REPO = '127.0.0.1:5000/fleet/shop';
const pinned = (name: string): string => `${REPO}@${sha256(name)}`;
const images = { v1: pinned('v1'), v2: pinned('v2'), bad: pinned('bad') };
const other = { v3: pinned('v3'), liar: pinned('liar') };
const logs: string[] = [];
let fake: FakeKubeApi | undefined;

/** One fake for the whole file: the contract's fleets and the cases below each use targets of their own. */
async function theFake(): Promise<FakeKubeApi> {
  fake ??= await startFakeKubeApi({
    images: {
      [images.v1]: { page: 'release v1', ready: true },
      [images.v2]: { page: 'release v2', ready: true },
      // Its readiness probe never passes, as a broken release's would.
      [images.bad]: { ready: false },
      [other.v3]: { page: 'release v3', ready: true },
      // Ready, but the node's runtime reports it runs another digest (a mutated mirror, say).
      [other.liar]: { page: 'liar', ready: true, imageId: `${REPO}@${sha256('something else')}` },
    },
    // One fake second of a progress deadline is 50 ms: a 10 s deadline passes in half a second.
    secondMs: 50,
    tickMs: 15,
  });
  return fake;
}

const request: Omit<DeployRequest, 'image' | 'strategy'> = {
  batchSize: 1,
  healthTimeoutMs: 10_000,
  autoRollback: true,
  keepWarmMs: 0,
  replicas: 3,
  port: 8080,
  health: { cmd: 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1' },
};

async function kubeFleet(
  target: string,
  extra: Record<string, unknown> = {},
): Promise<FleetProvider> {
  const f = await theFake();
  return loadProvider('kubernetes', {
    target,
    kubeconfig: f.kubeconfig(NS),
    url: await f.serviceUrl(NS, target),
    pollMs: 20,
    drainMs: 50,
    log: (l) => logs.push(l),
    ...extra,
  });
}

describeFleetProvider(
  'kubernetes (fake API server, checked against the client types)',
  async () => ({
    fleet: (strategy: Strategy) => kubeFleet(`contract-${strategy === 'rolling' ? 'r' : 'bg'}`),
    images,
    pages: { v1: 'release v1', v2: 'release v2' },
    path: '/',
    replicas: 3,
    request,
    teardown: async () => {},
  }),
);

afterAll(async () => {
  if (process.env.KILN_DEBUG) process.stderr.write(`${logs.join('\n')}\n`);
  await fake?.close();
});

describe('kubernetes provider, as the API server sees it', () => {
  let f: FakeKubeApi;
  beforeAll(async () => {
    f = await theFake();
  });
  afterAll(() => {
    // Every request and response of the whole file fitted the client's own models.
    expect(f.violations).toEqual([]);
  });
  const patches = (path: RegExp) =>
    f.requests.filter((r) => r.method === 'PATCH' && path.test(r.path));

  it('the contract fleets were driven by kubectl-shaped calls: image patch, undo by JSON patch, one selector patch per switch', () => {
    const rolling = patches(/\/deployments\/contract-r$/);
    // set image: a strategic-merge patch naming the container, nothing else of the template.
    expect(rolling[0]).toMatchObject({
      contentType: 'application/strategic-merge-patch+json',
      body: { spec: { template: { spec: { containers: [{ name: 'app', image: images.v2 }] } } } },
    });
    // rollout undo: the previous ReplicaSet's template back, by JSON patch.
    const undos = rolling.filter((r) => r.contentType === 'application/json-patch+json');
    expect(undos).toHaveLength(2); // rollback() after v2, and the stalled bad release
    expect(undos[1]?.body).toMatchObject([
      { op: 'replace', path: '/spec/template' },
      { op: 'add' },
    ]);
    const switches = patches(/\/services\/contract-bg$/);
    expect(switches.map((r) => [r.contentType, r.body])).toEqual([
      [
        'application/merge-patch+json',
        {
          spec: {
            selector: { 'fleet.kiln.dev/target': 'contract-bg', 'fleet.kiln.dev/colour': 'green' },
          },
        },
      ],
      [
        'application/merge-patch+json',
        {
          spec: {
            selector: { 'fleet.kiln.dev/target': 'contract-bg', 'fleet.kiln.dev/colour': 'blue' },
          },
        },
      ],
    ]);
  });

  it('a rollout that stalls past progressDeadlineSeconds is undone to the previous ReplicaSet', async () => {
    const p = await kubeFleet('stall');
    expect((await p.deploy({ ...request, image: images.v1, strategy: 'rolling' })).outcome).toBe(
      'deployed',
    );
    const r = await p.deploy({ ...request, image: images.bad, strategy: 'rolling' });
    expect(r).toMatchObject({ outcome: 'rolled-back', requested: images.bad, image: images.v1 });
    expect(r.reason).toContain('deployment stall exceeded its progress deadline (10 s)');
    expect(r.reason).toContain('has timed out progressing');
    // Its pods ran and failed their readiness: the release was tried.
    expect(r.failure).toBeUndefined();
    const dep = f.deployments.get(`${NS}/stall`);
    expect(dep?.spec?.template.spec?.containers[0]?.image).toBe(images.v1);
    expect(dep?.metadata?.annotations?.['fleet.kiln.dev/rolled-back-from']).toBe(images.bad);
    // Revisions as the controller keeps them: v1's ReplicaSet came back as revision 3.
    const revisions = [...f.replicaSets.values()]
      .filter((rs) => rs.metadata?.name?.startsWith('stall-'))
      .map((rs) => [
        rs.spec?.template?.spec?.containers[0]?.image,
        rs.metadata?.annotations?.['deployment.kubernetes.io/revision'],
        rs.spec?.replicas,
      ]);
    expect(revisions).toEqual(
      expect.arrayContaining([
        [images.v1, '3', 3],
        [images.bad, '2', 0],
      ]),
    );
    expect(f.podsOf(NS, 'stall').map((pod) => pod.status?.containerStatuses?.[0]?.imageID)).toEqual(
      Array(3).fill(images.v1),
    );
    // An undone Deployment's previous revision is the bad release: rollback() refuses it.
    await expect(p.rollback()).rejects.toThrow(
      /already rolled back to .* its previous revision is the release it rolled back from/,
    );
  }, 60_000);

  it('a rollout whose pods cannot pull the image is undone and says so (failure pull)', async () => {
    const p = await kubeFleet('unpulled');
    expect((await p.deploy({ ...request, image: images.v1, strategy: 'rolling' })).outcome).toBe(
      'deployed',
    );
    // Not an image the fake's nodes can get: its pods wait in ImagePullBackOff.
    const missing = pinned('missing');
    const r = await p.deploy({ ...request, image: missing, strategy: 'rolling' });
    expect(r).toMatchObject({ outcome: 'rolled-back', image: images.v1, failure: 'pull' });
    expect(r.reason).toBe(
      `the image could not be pulled: ImagePullBackOff: Back-off pulling image "${missing}"`,
    );
  }, 60_000);

  it('blue-green: a colour whose pods cannot pull the image is refused and says so (failure pull)', async () => {
    const p = await kubeFleet('unpulled-bg');
    expect((await p.deploy({ ...request, image: images.v1, strategy: 'blue-green' })).outcome).toBe(
      'deployed',
    );
    const missing = pinned('missing');
    const r = await p.deploy({ ...request, image: missing, strategy: 'blue-green' });
    expect(r).toMatchObject({ outcome: 'rolled-back', image: images.v1, failure: 'pull' });
    expect(r.reason).toBe(
      `the image could not be pulled: ImagePullBackOff: Back-off pulling image "${missing}"`,
    );
  }, 60_000);

  it("convergence is proven from the pods' imageIDs, not from the spec", async () => {
    const p = await kubeFleet('liar');
    await p.deploy({ ...request, image: images.v1, strategy: 'rolling' });
    const r = await p.deploy({
      ...request,
      image: other.liar,
      strategy: 'rolling',
      healthTimeoutMs: 1_500,
    });
    expect(r.outcome).toBe('rolled-back');
    expect(r.reason).toMatch(/not N\/N ready in time .*it runs sha256:[0-9a-f]{12}…/);
    expect(r.image).toBe(images.v1);
  }, 60_000);

  it('blue-green: the new colour rolls out apart, then one Service selector patch moves the traffic; the old colour stays warm', async () => {
    const p = await kubeFleet('bg');
    await p.deploy({ ...request, image: images.v1, strategy: 'blue-green' });
    const before = patches(/\/services\/bg$/).length;
    const r = await p.deploy({
      ...request,
      image: other.v3,
      strategy: 'blue-green',
      keepWarmMs: 60_000,
    });
    expect(r).toMatchObject({ outcome: 'deployed', image: other.v3, previous: images.v1 });
    expect(patches(/\/services\/bg$/).length - before).toBe(1);
    expect(f.services.get(`${NS}/bg`)?.spec?.selector).toEqual({
      'fleet.kiln.dev/target': 'bg',
      'fleet.kiln.dev/colour': 'green',
    });
    const blue = f.deployments.get(`${NS}/bg-blue`);
    expect(blue?.spec?.replicas).toBe(3);
    expect(blue?.metadata?.annotations?.['fleet.kiln.dev/warm-until']).toBe(r.warmUntil);
    const state = await p.current();
    expect(state).toMatchObject({
      strategy: 'blue-green',
      live: 'green',
      warm: { colour: 'blue', image: images.v1, until: r.warmUntil },
    });
  }, 60_000);

  it('a 409 Conflict on a write is retried; the deploy goes through', async () => {
    const p = await kubeFleet('conflict');
    await p.deploy({ ...request, image: images.v1, strategy: 'rolling' });
    f.failNext('PATCH', /\/deployments\/conflict$/, 409);
    const r = await p.deploy({ ...request, image: images.v2, strategy: 'rolling' });
    expect(r.outcome).toBe('deployed');
    expect(patches(/\/deployments\/conflict$/).map((x) => x.status)).toEqual([409, 200]);
  }, 60_000);

  it('403 names the verb, the resource and the namespace to grant; nothing is written', async () => {
    const p = await kubeFleet('forbidden');
    f.deny.add('create deployments.apps');
    try {
      const err = await p
        .deploy({ ...request, image: images.v1, strategy: 'rolling' })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as Error).message).toBe(
        'Kubernetes forbids create on deployments.apps in namespace shop (403 Forbidden): grant the deploying identity the verb "create" on "deployments.apps" there (a Role and RoleBinding): deployments.apps is forbidden: User "system:serviceaccount:ci:kiln" cannot create resource "deployments" in API group "apps" in the namespace "shop"',
      );
    } finally {
      f.deny.clear();
    }
    expect(f.deployments.has(`${NS}/forbidden`)).toBe(false);
  });

  it('401 says the credentials were refused', async () => {
    const p = await loadProvider('kubernetes', {
      target: 'anyone',
      kubeconfig: f.kubeconfig(NS, 'wrong-token'),
    });
    await expect(p.current()).rejects.toThrow(
      'Kubernetes refused the credentials to get deployments/anyone in namespace shop (401 Unauthorized)',
    );
  });

  it("a missing Deployment without replicas is the user's to fix", async () => {
    const p = await kubeFleet('nothing-here');
    await expect(
      p.deploy({ ...request, replicas: undefined, image: images.v1, strategy: 'rolling' }),
    ).rejects.toThrow(
      new ConfigurationError(
        'Deployment nothing-here does not exist in namespace shop: create it (kubectl apply) or give replicas for a first deploy',
      ),
    );
  });

  it('the kubeconfig input and its token are masked', () => {
    const config = f.kubeconfig(NS);
    expect(redact(`config: ${config}`)).toBe('config: ***');
    expect(redact(`token ${f.token}`)).toBe('token ***');
  });
});

describe('kubernetes blue-green: a switch killed before its ledger entry, re-run', () => {
  let f: FakeKubeApi;
  beforeAll(async () => {
    f = await theFake();
  });
  const annotations = (name: string) => f.deployments.get(`${NS}/${name}`)?.metadata?.annotations;
  const WARM = 'fleet.kiln.dev/warm-until';

  /**
   * The fleet's provider on clients whose Service patch to `colour` happens and then ends the
   * run, as a runner killed right after the switch would: nothing after it runs.
   */
  function killedAfterSwitchTo(target: string, colour: 'blue' | 'green'): Promise<FleetProvider> {
    const kc = new KubeConfig();
    kc.loadFromString(f.kubeconfig(NS));
    const core = kc.makeApiClient(CoreV1Api);
    const killing = new Proxy(core, {
      get(t, key, receiver) {
        if (key !== 'patchNamespacedService') return Reflect.get(t, key, receiver) as unknown;
        return async (...args: Parameters<CoreV1Api['patchNamespacedService']>) => {
          const done = await t.patchNamespacedService(...args);
          if (JSON.stringify(args[0].body).includes(`"${colour}"`))
            throw new Error(`killed right after the switch to ${colour}`);
          return done;
        };
      },
    });
    return kubeFleet(target, { namespace: NS, apps: kc.makeApiClient(AppsV1Api), core: killing });
  }

  /** v1 then v2 blue-green, then the provider's rollback to v1 killed right after its switch. */
  async function interrupted(target: string, keepWarmMs: number): Promise<FleetProvider> {
    const p = await kubeFleet(target);
    for (const image of [images.v1, images.v2])
      expect(
        (await p.deploy({ ...request, image, strategy: 'blue-green', keepWarmMs })).outcome,
      ).toBe('deployed');
    const killed = await killedAfterSwitchTo(target, 'blue');
    await expect(killed.rollback()).rejects.toThrow('killed right after the switch to blue');
    expect(f.services.get(`${NS}/${target}`)?.spec?.selector?.['fleet.kiln.dev/colour']).toBe(
      'blue',
    );
    expect(f.deployments.get(`${NS}/${target}-green`)?.spec?.replicas).toBe(3);
    return p;
  }

  it('keep-warm 0: the same deploy of v1 is unchanged and retires the v2 colour', async () => {
    const p = await interrupted('killed-cold', 0);
    const r = await p.deploy({ ...request, image: images.v1, strategy: 'blue-green' });
    expect(r).toMatchObject({ outcome: 'unchanged', image: images.v1 });
    expect(r.warmUntil).toBeUndefined();
    expect(f.services.get(`${NS}/killed-cold`)?.spec?.selector?.['fleet.kiln.dev/colour']).toBe(
      'blue',
    );
    expect(f.deployments.get(`${NS}/killed-cold-green`)?.spec?.replicas).toBe(0);
    expect(f.deployments.get(`${NS}/killed-cold-blue`)?.spec?.replicas).toBe(3);
    expect(logs).toContain(
      `green (killed-cold-green) still runs ${images.v2.split('@')[1]?.slice(0, 19)}… beside the live colour and keep-warm is 0: retiring it`,
    );
    expect(await p.current()).toMatchObject({ live: 'blue', image: images.v1 });
    expect((await p.current()).warm).toBeUndefined();
  }, 60_000);

  it('keep-warm > 0: the v2 colour is kept warm with an expiry from now; the live one loses its mark', async () => {
    const p = await interrupted('killed-warm', 60_000);
    // The switch back came first: blue still carries the window the v2 deploy gave it.
    expect(annotations('killed-warm-blue')?.[WARM]).toBeDefined();
    expect(annotations('killed-warm-green')?.[WARM]).toBeUndefined();
    const before = Date.now();
    const r = await p.deploy({
      ...request,
      image: images.v1,
      strategy: 'blue-green',
      keepWarmMs: 60_000,
    });
    expect(r).toMatchObject({ outcome: 'unchanged', image: images.v1 });
    expect(annotations('killed-warm-blue')?.[WARM]).toBeUndefined();
    expect(annotations('killed-warm-green')?.[WARM]).toBe(r.warmUntil);
    const until = Date.parse(r.warmUntil ?? '');
    expect(until).toBeGreaterThanOrEqual(before + 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(f.deployments.get(`${NS}/killed-warm-green`)?.spec?.replicas).toBe(3);
    expect(await p.current()).toMatchObject({
      live: 'blue',
      warm: { colour: 'green', image: images.v2, until: r.warmUntil },
    });

    // Run again, the window it set stays (not moved on), and nothing is patched.
    const patchesBefore = f.requests.filter((x) => x.method === 'PATCH').length;
    const again = await p.deploy({
      ...request,
      image: images.v1,
      strategy: 'blue-green',
      keepWarmMs: 60_000,
    });
    expect(again).toMatchObject({ outcome: 'unchanged', warmUntil: r.warmUntil });
    expect(f.requests.filter((x) => x.method === 'PATCH').length).toBe(patchesBefore);
  }, 60_000);

  it('an expired window on the idle colour is retired by the re-run, before anything else', async () => {
    const p = await kubeFleet('killed-expired');
    for (const image of [images.v1, images.v2])
      await p.deploy({ ...request, image, strategy: 'blue-green', keepWarmMs: 60_000 });
    f.deployments.get(`${NS}/killed-expired-blue`)!.metadata!.annotations![WARM] =
      '2000-01-01T00:00:00.000Z';
    const r = await p.deploy({
      ...request,
      image: images.v2,
      strategy: 'blue-green',
      keepWarmMs: 60_000,
    });
    expect(r).toMatchObject({ outcome: 'unchanged' });
    expect(r.warmUntil).toBeUndefined();
    expect(f.deployments.get(`${NS}/killed-expired-blue`)?.spec?.replicas).toBe(0);
    expect(annotations('killed-expired-blue')?.[WARM]).toBeUndefined();
  }, 60_000);
});
