import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { fromRecord } from '@kiln/core/inputs';
import { Registries } from '@kiln/core/oci';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';
import { runAction } from '../support/run-action.js';
import { testEnvironment, ROOT, bakeBusyboxBase, sampleAppInputs } from '@kiln/local';

// validate-image's committed bundle, run as a runner does, reporting to a spec-checked fake GitHub.
const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const SHA = 'd'.repeat(40);

describe('validate-image bundle', () => {
  let work = '';
  let image = '';
  let github: FakeGitHub;
  let forbidden: FakeGitHub;

  beforeAll(async () => {
    work = mkdtempSync(join(ROOT, '.kiln', 'e2e-validate-'));
    const base = await bakeBusyboxBase(env.registry.host, {
      repository: `e2e-validate/base-${run}`,
    });
    const saved = process.env.GITHUB_SHA;
    process.env.GITHUB_SHA = SHA;
    try {
      const inputs = sampleAppInputs(env.registry.host, base.image, {
        image: `${env.registry.host}/e2e-validate/shop-${run}`,
        'source-date-epoch': '1700000000',
      });
      image = (await bake(parseBakeRequest(fromRecord(inputs)), new Registries(), () => {})).image;
    } finally {
      if (saved === undefined) delete process.env.GITHUB_SHA;
      else process.env.GITHUB_SHA = saved;
    }
    github = await startFakeGitHub();
    forbidden = await startFakeGitHub({ forbidden: ['checks'] });
  }, 60_000);

  afterAll(async () => {
    await github?.stop();
    await forbidden?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const runnerEnv = (api: string): Record<string, string> => ({
    GITHUB_API_URL: api,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: SHA,
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '1',
    DOCKER_HOST: env.engine.dockerHost,
    // Kept after the run, so the report file can be read.
    RUNNER_TEMP: join(work, 'runner-temp'),
  });

  it('passes, sets outputs, writes the summary and a successful check run', async () => {
    const r = await runAction(
      'actions/validate-image',
      {
        image,
        policy: 'examples/kiln-policy.yml',
        'health-url': 'http://127.0.0.1:8080/',
        'github-token': 'ghs_faketoken',
        'check-name': 'kiln / e2e',
      },
      runnerEnv(github.url),
    );
    expect(r.stdout).not.toContain('::error');
    expect(r.code).toBe(0);
    expect(r.outputs.result).toBe('pass');
    expect(r.outputs.evidence).toMatch(/^sha256:[a-f0-9]{64}$/);
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8')) as {
      result: string;
      commit: string;
      runUrl: string;
    };
    expect(report).toMatchObject({
      result: 'pass',
      commit: SHA,
      runUrl: 'https://github.com/acme/shop/actions/runs/42/attempts/1',
    });
    expect(r.summary).toContain('validate-image: ✅ pass');
    expect(r.summary).toContain(r.outputs.evidence);
    const checks = github.checkRuns().filter((c) => c.name === 'kiln / e2e');
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ headSha: SHA, status: 'completed', conclusion: 'success' });
    expect(github.violations).toEqual([]);
  }, 90_000);

  it('fails the step with annotations on the policy lines that failed', async () => {
    const policy = join(work, 'strict.yml');
    writeFileSync(policy, '# strict\nmax-layers: 5\nmax-size: 1kB\n');
    const r = await runAction(
      'actions/validate-image',
      {
        image,
        policy: relative(ROOT, policy),
        smoke: 'false',
        'github-token': 'ghs_faketoken',
        'check-name': 'kiln / strict',
      },
      runnerEnv(github.url),
    );
    expect(r.code).toBe(1);
    expect(r.outputs.result).toBe('fail');
    expect(r.stdout).toMatch(
      new RegExp(`::error title=policy%3A max-size,file=${relative(ROOT, policy)},line=3::`),
    );
    const check = github.checkRuns().find((c) => c.name === 'kiln / strict');
    expect(check?.conclusion).toBe('failure');
    expect(check?.annotations).toEqual([
      expect.objectContaining({
        path: relative(ROOT, policy),
        start_line: 3,
        annotation_level: 'failure',
      }),
    ]);
    expect(github.violations).toEqual([]);
  }, 60_000);

  it('warns, without failing, when the token may not write checks', async () => {
    const r = await runAction(
      'actions/validate-image',
      { image, smoke: 'false', 'github-token': 'ghs_readonly' },
      runnerEnv(forbidden.url),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/::warning::.*checks: write/);
    expect(r.outputs.result).toBe('pass');
  }, 60_000);

  it('refuses a tag with exit code 1 before any request', async () => {
    const r = await runAction(
      'actions/validate-image',
      { image: image.replace(/@sha256:.*/, ':latest'), 'github-token': 'x' },
      runnerEnv(github.url),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /::error::Input "image" has value ".*:latest": it must be pinned by digest/,
    );
  });
});
