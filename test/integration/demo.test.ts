import { afterAll, describe, expect, it } from '@jest/globals';
import { runDemo, stopDemo } from '../../scripts/demo/run-demo.js';

// The project's main job, as `npm run demo` runs it, on the environment the tests share.
describe('npm run demo', () => {
  afterAll(async () => {
    await stopDemo({ log: () => {}, keepEnvironment: true });
  }, 60_000);

  it('bakes, validates and runs 3 healthy replicas of one digest behind one URL', async () => {
    const facts = await runDemo({ log: () => {} });
    expect(facts.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(facts.image.endsWith(`@${facts.digest}`)).toBe(true);
    expect(facts.reproducible).toBe('true');
    expect(facts.validation.result).toBe('pass');
    expect(facts.validation.rules.filter((r) => r.status === 'fail')).toEqual([]);
    expect(facts.validation.smoke?.status).toBe('pass');
    expect(facts.validation.evidence).toMatch(/^sha256:/);
    expect(facts.service.tasks).toHaveLength(3);
    const res = await fetch(new URL('/cgi-bin/index.sh', facts.url));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(facts.revision);
  }, 180_000);
});
