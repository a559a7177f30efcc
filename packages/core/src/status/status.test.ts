import { describe, expect, it } from '@jest/globals';
import type { EnvironmentConfig, KilnConfig } from '../config/kiln-config.js';
import { proveConvergence } from '../fleet/converged.js';
import type { FleetProvider, FleetState, FleetTask } from '../fleet/provider.js';
import { type AppendInput, Ledger } from '../ledger/store.js';
import type { Digest } from '../oci/digest.js';
import { MemoryArtifactStore } from '../oci/test-artifact-store.js';
import { age, formatStatus, NOT_DEPLOYED, statusNotes } from './status-format.js';
import { environmentsStatus } from './status.js';

const REPO = 'registry.example/acme/shop';

function environments(...names: string[]): KilnConfig {
  const envs = new Map<string, EnvironmentConfig>(
    names.map((name) => [name, { name, provider: 'swarm', target: `shop-${name}`, settings: {} }]),
  );
  return {
    image: { registry: 'registry.example', repository: 'acme/shop' },
    ledger: { repository: { registry: 'registry.example', repository: 'acme/shop' } },
    environments: envs,
    source: { file: 'kiln.yml', sha256: 'x' },
  };
}

/** A fleet of `tasks` (image digests, healthy unless named in `sick`). */
function fleet(tasks: Digest[], sick: number[] = []): FleetProvider {
  const list: FleetTask[] = tasks.map((d, i) => ({
    id: `t${i}`,
    node: 'n1',
    state: 'running',
    health: sick.includes(i) ? 'unhealthy' : 'healthy',
    image: `${REPO}@${d}`,
  }));
  const state: FleetState = {
    target: 'shop',
    exists: tasks.length > 0,
    image: tasks[0] ? `${REPO}@${tasks[0]}` : undefined,
    replicas: tasks.length,
    digests: [...new Set(tasks)],
    tasks: list,
  };
  return {
    kind: 'fake',
    target: 'shop',
    current: async () => state,
    converged: async (digest, replicas) => proveConvergence(list, digest, replicas),
    deploy: () => Promise.reject(new Error('status must not deploy')),
    rollback: () => Promise.reject(new Error('status must not roll back')),
  };
}

function setup() {
  const store = new MemoryArtifactStore('registry/shop');
  const img = (n: string) => store.image(n).digest;
  let t = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1, 0, t++));
  const ledgers = new Map<string, Ledger>();
  const append = (env: string, digest: Digest, over: Partial<AppendInput> = {}) => {
    let l = ledgers.get(env);
    if (!l)
      ledgers.set(env, (l = new Ledger(store, env, { settleMs: 0, sleep: async () => {}, now })));
    return l.append({
      action: 'deploy',
      outcome: 'deployed',
      digest,
      duration_ms: 1,
      evidence: [],
      actor: 'octocat',
      commit: 'abc',
      run_url: 'https://ci/run/1',
      ...over,
    });
  };
  return { store, img, append };
}

describe('environmentsStatus', () => {
  it('one row per environment: digest, N/N, since, head, last known-good; none is "not deployed"', async () => {
    const { store, img, append } = setup();
    const [a, b, c] = [img('a'), img('b'), img('c')];
    await append('staging', a);
    await append('staging', b);
    const head = await append('staging', c, { outcome: 'rolled-back' });
    const rows = await environmentsStatus(environments('staging', 'production'), {
      store,
      fleet: async (env) => (env.name === 'staging' ? fleet([b, b, b], [2]) : fleet([])),
    });
    expect(rows).toEqual([
      {
        environment: 'staging',
        provider: 'swarm',
        target: 'shop-staging',
        // The rolled-back deploy of c left b running, since b's own deploy.
        digest: b,
        since: '2026-01-01T00:01:00.000Z',
        fleet: {
          exists: true,
          digest: b,
          healthy: 2,
          replicas: 3,
          converged: false,
          running: [b],
          problems: [expect.stringMatching(/unhealthy/)],
        },
        head: {
          seq: 3,
          entry: head.digest,
          action: 'deploy',
          outcome: 'rolled-back',
          at: '2026-01-01T00:02:00.000Z',
        },
        lastKnownGood: { digest: a, seq: 1, at: '2026-01-01T00:00:00.000Z' },
      },
      {
        environment: 'production',
        provider: 'swarm',
        target: 'shop-production',
        fleet: {
          exists: false,
          healthy: 0,
          replicas: 0,
          converged: false,
          running: [],
          problems: [],
        },
      },
    ]);
    const text = formatStatus(rows, new Date(Date.UTC(2026, 0, 1, 3, 6)));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^ENVIRONMENT +DIGEST +HEALTHY +SINCE +LEDGER HEAD +LAST KNOWN-GOOD$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^staging +${b.slice(0, 19)}… +2/3 ! +2026-01-01T00:01:00Z \\(3h 5m ago\\) +#3 deploy/rolled-back ${head.digest.slice(0, 19)}… +${a.slice(0, 19)}… \\(#1\\)$`,
      ),
    );
    expect(lines[2]).toMatch(new RegExp(`^production +${NOT_DEPLOYED} +no fleet +- +- +-$`));
    expect(lines.slice(4)).toEqual([expect.stringMatching(/^staging: shop-staging: .*unhealthy/)]);
  });

  it('reads a constant number of times whatever the ledger length', async () => {
    const counts: number[] = [];
    for (const entries of [2, 40]) {
      const { store, img, append } = setup();
      for (let i = 0; i < entries; i++) await append('staging', img(`i${i}`));
      store.calls.clear();
      const [row] = await environmentsStatus(environments('staging'), {
        store,
        fleet: async () => fleet([img(`i${entries - 1}`)]),
      });
      expect(row?.head?.seq).toBe(entries);
      expect(row?.lastKnownGood?.seq).toBe(entries - 1);
      counts.push(store.totalCalls());
      // Three manifests read: the head, the entry before it (the head is checked against it)
      // and the known-good entry; never the chain between.
      expect(store.calls.get('getManifest')).toBe(3);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('a fleet that cannot be read is shown on its row; a drifted fleet is noted', async () => {
    const { store, img, append } = setup();
    const [a, b] = [img('a'), img('b')];
    await append('staging', a);
    await append('production', a);
    const rows = await environmentsStatus(environments('staging', 'production', 'qa'), {
      store,
      fleet: async (env) => {
        if (env.name === 'staging') throw new Error('Cannot connect to the Docker daemon');
        return env.name === 'production' ? fleet([a, b]) : fleet([b]);
      },
    });
    expect(rows[0]).toMatchObject({ digest: a, fleetError: 'Cannot connect to the Docker daemon' });
    expect(rows[0]?.fleet).toBeUndefined();
    expect(statusNotes(rows[0]!)).toEqual([
      'staging: fleet shop-staging could not be read: Cannot connect to the Docker daemon',
    ]);
    expect(statusNotes(rows[1]!)[0]).toBe(
      `production: fleet shop-production runs ${a.slice(0, 19)}…, ${b.slice(0, 19)}…, not only the ledger's ${a.slice(0, 19)}…`,
    );
    // No ledger, but a fleet: its own digest is counted and named as unrecorded.
    expect(rows[2]).toMatchObject({
      fleet: { digest: b, healthy: 1, replicas: 1, converged: true },
    });
    expect(rows[2]?.digest).toBeUndefined();
    expect(statusNotes(rows[2]!)).toEqual([
      `qa: fleet shop-qa runs ${b.slice(0, 19)}…, which no ledger entry records`,
    ]);
    expect(formatStatus(rows).split('\n')[1]).toMatch(/^staging +\S+ +unknown /);
  });
});

describe('age', () => {
  it('shows the two largest units', () => {
    const t = (s: number) => age(new Date(0), new Date(s * 1000));
    expect([t(0), t(59), t(61), t(3600 * 5 + 7), t(86400 * 2 + 3600 * 3 + 60)]).toEqual([
      '0s ago',
      '59s ago',
      '1m 1s ago',
      '5h 7s ago',
      '2d 3h ago',
    ]);
  });
});
