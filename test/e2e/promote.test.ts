import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fromRecord } from '@kiln/core/inputs';
import { Ledger } from '@kiln/core/ledger';
import { copyImage, type Digest, OciLayout, Registries } from '@kiln/core/oci';
import { parseValidateRequest, validateImage } from '@kiln/core/validate';
import { ROOT, testEnvironment } from '@kiln/local';
import { buildBusyboxLayout } from '../support/busybox-image.js';
import { runAction } from '../support/run-action.js';

// promote's committed bundle (and the suite entry's `command: promote`), run as a runner does.
const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const quiet = (): void => {};
const MINUTE = 60_000;

describe('promote bundle', () => {
  const registries = new Registries();
  const name = `e2e-promote/shop-${run}`;
  const repository = `${env.registry.host}/${name}`;
  const store = registries.repository(env.registry.host, name);
  let work = '';
  let digest: Digest;
  let unvalidated: Digest;

  /** A deploy entry in staging, `agoMs` in the past (as replace-fleet would have written it). */
  const deployed = (d: Digest, agoMs: number) =>
    new Ledger(store, 'staging', { settleMs: 20, now: () => new Date(Date.now() - agoMs) }).append({
      action: 'deploy',
      outcome: 'deployed',
      digest: d,
      duration_ms: 1000,
      evidence: [],
      actor: 'octocat',
      commit: 'c0ffee',
      run_url: '',
    });

  beforeAll(async () => {
    work = mkdtempSync(join(ROOT, '.kiln', 'e2e-promote-'));
    const push = async (page: string): Promise<Digest> => {
      const built = buildBusyboxLayout({ page });
      const layout = new OciLayout(built.layout);
      const d = (await layout.resolve(built.tag)) as Digest;
      await copyImage(layout, store, d, { log: quiet });
      rmSync(dirname(built.layout), { recursive: true, force: true });
      return d;
    };
    digest = await push(`e2e promote ${run}\n`);
    unvalidated = await push(`e2e promote unvalidated ${run}\n`);
    const policy = join(work, 'policy.yml');
    writeFileSync(policy, 'max-layers: 5\nrevision: false\n');
    const v = await validateImage(
      parseValidateRequest(
        fromRecord({ image: `${repository}@${digest}`, policy, smoke: 'false' }),
        work,
      ),
      registries,
      { log: quiet, reportDir: work },
    );
    expect(v.result).toBe('pass');
    await deployed(digest, 20 * MINUTE);
    mkdirSync(join(work, '.github'));
    writeFileSync(
      join(work, '.github', 'kiln.yml'),
      [
        `image: ${repository}`,
        'environments:',
        '  staging: { provider: swarm, target: shop-staging }',
        `  production: { provider: swarm, target: shop, requires: staging, min-soak: 10m, image: ${env.registry2.host}/e2e-promote/shop-${run} }`,
        '',
      ].join('\n'),
    );
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const runnerEnv = (): Record<string, string> => ({
    GITHUB_WORKSPACE: work,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'e'.repeat(40),
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '9',
    GITHUB_RUN_ATTEMPT: '1',
  });

  it('from-environment to another registry: outputs, job summary, the entry in its ledger', async () => {
    const to = `${env.registry2.host}/e2e-promote/shop-${run}`;
    const r = await runAction(
      'actions/promote',
      { 'from-environment': 'staging', 'to-environment': 'production', 'to-image': to },
      runnerEnv(),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ image: `${to}@${digest}`, digest, 'mounted-blobs': '0' });
    expect(Number(r.outputs['copied-bytes'])).toBeGreaterThan(1_000_000);
    expect(r.stdout).toMatch(/gate min-soak: pass: running in staging for 20(\.\d)? min/);
    expect(r.summary).toContain('### promote: ✅ staging → production');
    expect(r.summary).toContain('| validated | ✅ pass |');
    expect(r.summary).toContain('| healthy | ✅ pass |');
    expect(r.summary).toContain('| min-soak | ✅ pass |');
    expect(r.summary).toContain('application/vnd.kiln.validation.v1+json');
    const target = registries.repository(env.registry2.host, `e2e-promote/shop-${run}`);
    const head = await new Ledger(target, 'production').head();
    expect(head?.digest).toBe(r.outputs['ledger-entry']);
    expect(head?.entry).toMatchObject({
      action: 'promote',
      outcome: 'promoted',
      from: 'staging',
      actor: 'octocat',
      commit: 'e'.repeat(40),
      run_url: 'https://github.com/acme/shop/actions/runs/9/attempts/1',
    });
  }, 120_000);

  it('the suite entry runs command: promote; a failed gate exits 1 with the gates in the summary', async () => {
    await deployed(unvalidated, 30 * MINUTE);
    const r = await runAction(
      '.',
      {
        command: 'promote',
        image: `${repository}@${unvalidated}`,
        'to-environment': 'production',
      },
      runnerEnv(),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `::error::promote of ${repository}@${unvalidated} to production: gate validated failed: no validation evidence for ${unvalidated}`,
    );
    expect(r.outputs).toEqual({});
    expect(r.summary).toContain('### promote: ❌ refused');
    expect(r.summary).toContain('| validated | ❌ fail |');
    expect(r.summary).toContain('nothing was copied and nothing was recorded');
    const refused = registries.repository(env.registry2.host, `e2e-promote/shop-${run}`);
    expect(await refused.resolve(unvalidated)).toBeUndefined();
  }, 120_000);

  it('a tag is refused before any request, naming the input', async () => {
    const r = await runAction(
      'actions/promote',
      { image: `${repository}:latest`, 'to-environment': 'production' },
      runnerEnv(),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `::error::Input "image" has value "${repository}:latest": it must be pinned by digest`,
    );
  }, 60_000);
});
