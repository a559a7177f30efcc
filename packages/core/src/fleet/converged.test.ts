import { describe, expect, it } from '@jest/globals';
import { digestOf, perNodeLine, proveConvergence } from './converged.js';
import type { FleetTask } from './provider.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const task = (id: string, extra: Partial<FleetTask> = {}): FleetTask => ({
  id,
  node: 'n1',
  state: 'running',
  health: 'healthy',
  image: `reg.test/shop@${D1}`,
  ...extra,
});

describe('proveConvergence', () => {
  it('is converged when exactly N tasks run the digest and are healthy', () => {
    const p = proveConvergence([task('a'), task('b')], D1, 2);
    expect(p).toMatchObject({ converged: true, healthy: 2, running: 2, problems: [] });
    expect(p.summary).toBe(`2/2 healthy on ${D1}`);
    expect(p.tasks[0]).toEqual({
      task: 'a',
      node: 'n1',
      image: `reg.test/shop@${D1}`,
      digest: D1,
      state: 'running',
      health: 'healthy',
      ok: true,
    });
  });

  it('counts instances per node, healthy and wanted, and says so in one line on more than one node', () => {
    const p = proveConvergence(
      [
        task('a', { node: 'node-b' }),
        task('b', { node: 'node-a' }),
        task('c', { node: 'node-b', health: 'unhealthy' }),
      ],
      D1,
      3,
    );
    expect(p.nodes).toEqual([
      { node: 'node-a', healthy: 1, running: 1 },
      { node: 'node-b', healthy: 1, running: 2 },
    ]);
    expect(perNodeLine(p)).toBe('per node: node-a 1/1, node-b 1/2');
    expect(perNodeLine(proveConvergence([task('a'), task('b')], D1, 2))).toBe('');
  });

  it('names each task that keeps it from converging', () => {
    const p = proveConvergence(
      [
        task('a'),
        task('b', { image: `reg.test/shop@${D2}` }),
        task('c', { image: 'reg.test/shop:latest' }),
        task('d', { health: 'none' }),
        task('e', { state: 'starting', error: 'pulling' }),
        task('f', { health: 'unhealthy' }),
      ],
      D1,
      2,
    );
    expect(p.converged).toBe(false);
    expect(p.problems).toEqual([
      `task b: it runs sha256:222222222222…`,
      'task c: its image reg.test/shop:latest is not pinned by digest',
      'task d: it has no health check',
      'task e: it is starting (pulling)',
      'task f: its health is unhealthy',
    ]);
    expect(p.summary).toBe(`1/2 healthy on ${D1} (5 other instances still running)`);
  });

  it('an old task still running beside N good ones keeps it from converging', () => {
    const p = proveConvergence([task('a'), task('b'), task('old', { image: `r@${D2}` })], D1, 2);
    expect(p).toMatchObject({ converged: false, healthy: 2, running: 3 });
  });

  it('a revision asked for counts only instances on it, even with the right digest', () => {
    const want = { want: '7', noun: 'launch template version' };
    const p = proveConvergence(
      [task('a', { revision: '7' }), task('b', { revision: '6' }), task('c')],
      D1,
      3,
      want,
    );
    expect(p).toMatchObject({ converged: false, healthy: 1, running: 3 });
    expect(p.problems).toEqual([
      'task b: it is on launch template version 6, not 7',
      'task c: it is on launch template version (unknown), not 7',
    ]);
    expect(p.tasks[0]).toMatchObject({ revision: '7', ok: true });
  });

  it('an AMI id counts as pinned: the instances run that machine image', () => {
    const ami = 'ami-0123456789abcdef0';
    const p = proveConvergence([task('a', { image: ami }), task('b', { image: 'ami-1' })], ami, 2);
    expect(p.tasks[0]).toMatchObject({ digest: ami, ok: true });
    expect(p.problems).toEqual(['task b: its image ami-1 is not pinned by digest']);
    expect(p.summary).toBe(`1/2 healthy on ${ami}`);
  });

  it('too few tasks is not converged, and says so', () => {
    const p = proveConvergence([task('a')], D1, 3);
    expect(p.converged).toBe(false);
    expect(p.problems).toEqual(['1 of 3 instances are wanted running']);
  });
});

describe('digestOf', () => {
  it('reads the pinned digest, never a tag', () => {
    expect(digestOf(`reg.test:5000/a/b@${D1}`)).toBe(D1);
    expect(digestOf('reg.test:5000/a/b:sha256')).toBeUndefined();
    expect(digestOf('reg.test/a@sha256:abc')).toBeUndefined();
  });
});
