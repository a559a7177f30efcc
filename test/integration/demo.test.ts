import { afterAll, describe, expect, it } from '@jest/globals';
import { runDemo, stopDemo } from '@kiln/local';

// The project's main job, as `npm run demo` runs it (the real workflow files through the local
// runner), on the environment the tests share.
describe('npm run demo', () => {
  afterAll(async () => {
    await stopDemo({ log: () => {}, keepEnvironment: true });
  }, 60_000);

  it('releases v1, rolls v2 back in staging, releases v3, and rollback.yml takes production back to v1', async () => {
    const facts = await runDemo({ log: () => {} });
    const { v1, v2, v3 } = facts.baked;
    for (const d of [v1, v2, v3]) expect(d).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(new Set([v1, v2, v3]).size).toBe(3);
    expect(facts.runs.map((r) => [r.release, r.conclusion])).toEqual([
      ['v1', 'success'],
      ['v2', 'failure'],
      ['v3', 'success'],
      ['rollback', 'success'],
    ]);
    // v2 never left staging, and is quarantined; v1 and v3 are not.
    expect(facts.runs[1]?.jobs).toMatchObject({
      'deploy-staging': 'failure',
      promote: 'skipped',
      'deploy-production': 'skipped',
    });
    expect(facts.v2StagingOutcome).toBe('rolled-back');
    expect(facts.quarantined).toMatchObject({ v2: true, v1: false });
    // The digest bake output for v1 is what every production task runs (docker service ps/inspect).
    expect(facts.tasks.production.digests.length).toBeGreaterThan(0);
    expect(new Set(facts.tasks.production.digests)).toEqual(new Set([v1]));
    // Staging runs v3 (rollback.yml touched production only).
    expect(new Set(facts.tasks.staging.digests)).toEqual(new Set([v3]));
    expect(facts.ledgerVerify.staging.code).toBe(0);
    expect(facts.ledgerVerify.production.code).toBe(0);
    expect(facts.pages.production).toMatch(/^200 /);
    expect(facts.pages.production).toContain(facts.runs[0]?.commit ?? 'none');
    expect(facts.status).toContain('production');
  }, 600_000);
});
