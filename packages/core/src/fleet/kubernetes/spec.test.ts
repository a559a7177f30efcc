import { describe, expect, it } from '@jest/globals';
import type { V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { idleColour, liveColour, warmExpired } from '../colours.js';
import { proveConvergence } from '../converged.js';
import { containerOf, podTask, previousReplicaSet, rolloutStatus, undoPatch } from './spec.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

const dep = (
  status: V1Deployment['status'],
  generation = 2,
  extra: Partial<V1Deployment> = {},
): V1Deployment => ({
  metadata: {
    name: 'shop',
    generation,
    uid: 'u1',
    annotations: { 'deployment.kubernetes.io/revision': '3' },
  },
  spec: {
    replicas: 3,
    progressDeadlineSeconds: 30,
    selector: { matchLabels: { app: 'shop' } },
    template: {
      spec: {
        containers: [
          { name: 'app', image: `r@${D2}` },
          { name: 'sidecar', image: 'proxy' },
        ],
      },
    },
  },
  status,
  ...extra,
});

describe('rolloutStatus (kubectl rollout status rules)', () => {
  it('waits for the controller to observe the new generation', () => {
    expect(
      rolloutStatus(
        dep({ observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }),
      ).kind,
    ).toBe('progressing');
  });
  it('counts updated, old and available replicas', () => {
    expect(
      rolloutStatus(dep({ observedGeneration: 2, updatedReplicas: 1, replicas: 4 })).message,
    ).toBe('1 of 3 new replicas have been updated');
    expect(
      rolloutStatus(dep({ observedGeneration: 2, updatedReplicas: 3, replicas: 4 })).message,
    ).toBe('1 old replicas are pending termination');
    expect(
      rolloutStatus(
        dep({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 }),
      ).message,
    ).toBe('2 of 3 updated replicas are available');
    expect(
      rolloutStatus(
        dep({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }),
      ),
    ).toEqual({ kind: 'complete', message: 'deployment shop successfully rolled out' });
  });
  it('stalls on ProgressDeadlineExceeded, even with pods left to update', () => {
    const s = rolloutStatus(
      dep({
        observedGeneration: 2,
        updatedReplicas: 1,
        replicas: 4,
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: 'ReplicaSet "shop-abc" has timed out progressing.',
          },
        ],
      }),
    );
    expect(s).toEqual({
      kind: 'stalled',
      message:
        'deployment shop exceeded its progress deadline (30 s): ReplicaSet "shop-abc" has timed out progressing.',
    });
  });
});

describe('the container Kiln replaces', () => {
  it('is the named one, else the first; a missing name lists the containers', () => {
    expect(containerOf(dep({})).name).toBe('app');
    expect(containerOf(dep({}), 'sidecar').image).toBe('proxy');
    expect(() => containerOf(dep({}), 'web')).toThrow(
      'Deployment shop has no container "web"; its containers are app, sidecar (kiln.yml kubernetes.container)',
    );
  });
});

describe('previousReplicaSet (rollout undo target)', () => {
  const rs = (revision: string, owner = 'u1', image = 'x'): V1ReplicaSet => ({
    metadata: {
      name: `rs-${revision}`,
      annotations: { 'deployment.kubernetes.io/revision': revision },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop', uid: owner }],
    },
    spec: {
      selector: {},
      template: {
        metadata: { labels: { app: 'shop', 'pod-template-hash': 'h' } },
        spec: { containers: [{ name: 'app', image }] },
      },
    },
  });
  it('is the newest revision before the current one, of this Deployment only', () => {
    const sets = [rs('1'), rs('2', 'someone-else'), rs('3'), rs('2')];
    expect(previousReplicaSet(dep({}), sets)?.metadata?.name).toBe('rs-2');
    expect(previousReplicaSet(dep({}), [rs('3'), rs('2', 'other')])).toBeUndefined();
  });
  it("is written back without the controller's hash label, and Kiln's note escapes the key's slash", () => {
    const ops = undoPatch(rs('2', 'u1', `r@${D1}`), `r@${D2}`, true);
    expect(ops).toEqual([
      {
        op: 'replace',
        path: '/spec/template',
        value: {
          metadata: { labels: { app: 'shop' } },
          spec: { containers: [{ name: 'app', image: `r@${D1}` }] },
        },
      },
      {
        op: 'add',
        path: '/metadata/annotations/fleet.kiln.dev~1rolled-back-from',
        value: `r@${D2}`,
      },
    ]);
  });
});

describe('pods as fleet instances', () => {
  const pod = (imageID: string, ready: boolean, probe = true): V1Pod => ({
    metadata: { name: 'shop-abc-1' },
    spec: {
      nodeName: 'n1',
      containers: [
        {
          name: 'app',
          image: `r@${D2}`,
          ...(probe ? { readinessProbe: { exec: { command: ['true'] } } } : {}),
        },
      ],
    },
    status: {
      phase: 'Running',
      podIP: '10.0.0.7',
      containerStatuses: [
        { name: 'app', image: `r@${D2}`, imageID, ready, restartCount: 0, state: { running: {} } },
      ],
    },
  });

  it('converge by the imageID the runtime reports, not by the spec', () => {
    const ok = podTask(pod(`docker-pullable://r@${D2}`, true), 'app', 8080);
    expect(ok).toMatchObject({
      state: 'running',
      health: 'healthy',
      address: '10.0.0.7:8080',
      node: 'n1',
    });
    expect(proveConvergence([ok], D2, 1).converged).toBe(true);
    const other = proveConvergence([podTask(pod(`r@${D1}`, true), 'app')], D2, 1);
    expect(other.problems).toEqual([`task shop-abc-1: it runs sha256:${'1'.repeat(12)}…`]);
    const local = proveConvergence([podTask(pod(`docker://${D2}`, true), 'app')], D2, 1);
    expect(local.problems).toEqual([
      `task shop-abc-1: its runtime reports docker://${D2}, which names no registry digest`,
    ]);
    const none = proveConvergence([podTask(pod('', false), 'app')], D2, 1);
    expect(none.problems).toEqual(['task shop-abc-1: its runtime reports no image yet']);
  });

  it('are not healthy without a readiness probe (nothing gated them) or before it passes', () => {
    expect(podTask(pod(`r@${D2}`, true, false), 'app').health).toBe('none');
    expect(podTask(pod(`r@${D2}`, false), 'app').health).toBe('starting');
  });
});

describe('colours', () => {
  it('live: the routed colour, else the only running colour not kept warm', () => {
    expect(liveColour('green', { blue: { replicas: 3 }, green: { replicas: 3 } })).toBe('green');
    expect(
      liveColour(undefined, { blue: { replicas: 3, warmUntil: 'x' }, green: { replicas: 3 } }),
    ).toBe('green');
    expect(
      liveColour(undefined, { blue: { replicas: 3 }, green: { replicas: 3 } }),
    ).toBeUndefined();
  });
  it('a warm colour expires only when not live, running and past its window', () => {
    const now = Date.parse('2026-01-01T00:00:10Z');
    const pool = { replicas: 3, warmUntil: '2026-01-01T00:00:05Z' };
    expect(warmExpired(pool, 'green', 'blue', now)).toBe(true);
    expect(warmExpired(pool, 'blue', 'blue', now)).toBe(false);
    expect(warmExpired({ ...pool, replicas: 0 }, 'green', 'blue', now)).toBe(false);
    expect(warmExpired(pool, 'green', 'blue', Date.parse('2026-01-01T00:00:01Z'))).toBe(false);
  });
  it('the idle colour beside a live one on the digest: retired at keep-warm 0, else warm, its window kept or started now', () => {
    const now = Date.parse('2026-01-01T00:00:10Z');
    expect(idleColour(undefined, 60_000, now)).toEqual({ kind: 'none' });
    expect(idleColour({ replicas: 0 }, 0, now)).toEqual({ kind: 'none' });
    expect(idleColour({ replicas: 3 }, 0, now)).toEqual({ kind: 'retire' });
    expect(idleColour({ replicas: 3, warmUntil: '2026-01-01T00:05:00Z' }, 0, now)).toEqual({
      kind: 'retire',
    });
    // Left running unlabelled by a run killed after its switch: the window starts now.
    expect(idleColour({ replicas: 3 }, 60_000, now)).toEqual({
      kind: 'warm',
      until: '2026-01-01T00:01:10.000Z',
      label: true,
    });
    expect(idleColour({ replicas: 3, warmUntil: 'soon' }, 60_000, now)).toMatchObject({
      label: true,
    });
    expect(idleColour({ replicas: 3, warmUntil: '2026-01-01T00:05:00Z' }, 60_000, now)).toEqual({
      kind: 'warm',
      until: '2026-01-01T00:05:00Z',
      label: false,
    });
    expect(idleColour({ replicas: 3, warmUntil: '2026-01-01T00:00:05Z' }, 60_000, now)).toEqual({
      kind: 'retire',
    });
  });
});
