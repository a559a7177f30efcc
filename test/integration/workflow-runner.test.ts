import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runWorkflow, type RunOptions, type RunResult } from '@kiln/local';
import { runKiln } from '../support/run-cli.js';

// The local workflow runner on small workflows (test/fixtures/workflows) and on Kiln's own
// committed bake-image bundle. Steps run for real: bash, node, the command files.
const FIXTURES = 'test/fixtures/workflows';
const SHA = 'c'.repeat(40);

async function run(
  file: string,
  options: Partial<RunOptions> = {},
): Promise<{ result: RunResult; log: string[] }> {
  const log: string[] = [];
  const result = await runWorkflow({
    workflow: join(FIXTURES, file),
    workspace: ROOT,
    repository: { sha: SHA, branch: 'main', repository: 'acme/shop', actor: 'tester' },
    log: (l) => log.push(l),
    ...options,
  });
  return { result, log };
}

const job = (r: RunResult, id: string) => {
  const j = r.jobs.find((x) => x.id === id);
  if (!j) throw new Error(`no job ${id}`);
  return j;
};

describe('local workflow runner', () => {
  let basics: { result: RunResult; log: string[] };
  let actions: { result: RunResult; log: string[] };

  beforeAll(async () => {
    basics = await run('basics.yml');
    actions = await run('actions.yml', { secrets: { API_KEY: 'k-secret-123' } });
  }, 60_000);

  it('runs jobs in needs order, skips dependents of a failed job, honours always() and failure()', () => {
    const r = basics.result;
    expect(r.jobs.map((j) => [j.id, j.result])).toEqual([
      ['first', 'success'],
      ['second', 'success'],
      ['broken', 'failure'],
      ['after-broken', 'skipped'],
      ['always-after', 'success'],
      ['on-failure', 'success'],
    ]);
    expect(r.conclusion).toBe('failure');
    expect(job(r, 'after-broken').steps).toEqual([]);
    expect(job(r, 'broken').steps.map((s) => [s.name, s.outcome])).toEqual([
      ['Run echo "about to fail"; exit 7', 'failure'],
      ['never', 'skipped'],
      ['cleanup', 'success'],
    ]);
    expect(job(r, 'broken').steps[0]?.exitCode).toBe(7);
    expect(basics.log).toContain('    broken was failure, second was success');
    expect(r.annotations).toContainEqual({
      level: 'error',
      message: 'Process completed with exit code 7.',
      source: 'broken/__run',
    });
  });

  it('evaluates env at workflow, job and step level, and passes outputs across steps and jobs', () => {
    const first = job(basics.result, 'first');
    expect(basics.log).toContain('    level=step greeting=hello push');
    // GITHUB_ENV and GITHUB_PATH reach later steps; the step's own env does not.
    expect(basics.log).toContain('    from-env=set by make level=job value=v-step');
    expect(basics.log).toContain('    tool ran');
    expect(first.steps[0]?.name).toBe('Make job values');
    expect(first.outputs).toEqual({ value: 'v-step', shout: 'A\nB' });
    expect(basics.log).toContain('    got v-step from success');
    expect(first.summary).toBe(`### made ${SHA}\n`);
    expect(first.environment).toEqual({ name: 'staging', url: 'http://127.0.0.1/staging' });
    expect(first.concurrency).toBe('deploy-staging');
  });

  it('continue-on-error: the outcome is failure, the conclusion success, the job goes on', () => {
    const flaky = job(basics.result, 'first').steps.find((s) => s.id === 'flaky');
    expect(flaky).toMatchObject({ outcome: 'failure', conclusion: 'success', exitCode: 3 });
    expect(basics.log).toContain('    flaky failed, job goes on');
  });

  it('runs local actions: pre, main and post (reversed), inputs with defaults, state', () => {
    const steps = job(actions.result, 'probe').steps;
    expect(steps.map((s) => `${s.phase} ${s.id}`)).toEqual([
      'pre a',
      'pre b',
      'main __actions_checkout',
      'main a',
      'main b',
      'main __run',
      'post b',
      'post a',
    ]);
    expect(steps.every((s) => s.outcome === 'success')).toBe(true);
    expect(actions.log).toContain(
      '    main first: greeting=hi push spaced=given pre-state=pre-of-first',
    );
    expect(actions.log).toContain(
      '    main second: greeting=hello from the default, push spaced=spaced default pre-state=pre-of-second',
    );
    expect(actions.log).toContain('    action path ends probe, workspace true');
    expect(actions.log).toContain('    post second: pre-of-second main-of-second');
    expect(actions.log).toContain('    post first: pre-of-first main-of-first');
    expect(actions.log.some((l) => l.includes('actions/checkout: the local runner uses'))).toBe(
      true,
    );
  });

  it('reads workflow commands: legacy set-output, stop-commands, groups, annotations', () => {
    expect(actions.log).toContain(
      '    a said first says hi push; b said second says hello from the default, push',
    );
    expect(actions.log).toContain("    legacy=old-style ignored=''");
    expect(actions.log).toContain('    ::set-output name=ignored::should not be set');
    expect(actions.log).toContain('    ▸ Details');
    const a = actions.result.annotations.filter((x) => x.source === 'probe/a');
    expect(a).toContainEqual({
      level: 'warning',
      message: 'watch\nout',
      title: 'Careful',
      file: 'app.txt',
      line: 3,
      col: 5,
      source: 'probe/a',
    });
    expect(a).toContainEqual({ level: 'notice', message: 'from stderr', source: 'probe/a' });
    const unexpected = actions.result.annotations.filter((x) =>
      x.message.startsWith('Unexpected input'),
    );
    expect(unexpected).toEqual([
      {
        level: 'warning',
        message:
          "Unexpected input(s) 'unknown', valid inputs are ['label', 'greeting', 'with space']",
        source: 'probe/b',
      },
    ]);
  });

  it('masks secrets and ::add-mask:: values in the log, summaries and the result', () => {
    const all = JSON.stringify(actions) + actions.log.join('\n');
    expect(all).not.toContain('hunter2');
    expect(all).not.toContain('k-secret-123');
    expect(actions.log).toContain('    the password is ***');
    expect(actions.log).toContain('    the key is ***');
    expect(job(actions.result, 'probe').summary).toBe(
      'probe first ran (***)\nprobe second ran (***)\n',
    );
  });

  it('checks workflow_dispatch inputs and types them', async () => {
    const ok = await run('dispatch.yml', {
      event: 'workflow_dispatch',
      inputs: { environment: 'production', 'dry-run': 'true' },
    });
    expect(ok.result.conclusion).toBe('success');
    expect(ok.log).toContain("    env=production target='' dry=true event-dry=true");
    expect(job(ok.result, 'show').environment).toEqual({ name: 'production' });
    expect(job(ok.result, 'show').steps[1]?.outcome).toBe('success');
    const f = `${FIXTURES}/dispatch.yml`;
    const refused = (inputs: Record<string, string>) =>
      run('dispatch.yml', { event: 'workflow_dispatch', inputs });
    await expect(refused({})).rejects.toThrow(
      `${f}: input "environment" is required (give it with --input environment=VALUE)`,
    );
    await expect(refused({ environment: 'prod' })).rejects.toThrow(
      `${f}: Input "environment" has value "prod": must be one of staging, production`,
    );
    await expect(refused({ environment: 'staging', 'dry-run': 'yes' })).rejects.toThrow(
      `${f}: Input "dry-run" has value "yes": must be true or false`,
    );
    await expect(refused({ environment: 'staging', extra: '1' })).rejects.toThrow(
      `${f}: input "extra" is not declared in on.workflow_dispatch.inputs (declared: environment, target, dry-run)`,
    );
    await expect(run('dispatch.yml', { event: 'push' })).rejects.toThrow(
      `${f} does not run on push (on: workflow_dispatch)`,
    );
  });

  it('refuses what it cannot run before any step runs, naming file, job and step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-runner-'));
    const marker = join(dir, 'ran');
    try {
      const err = await run('unsupported.yml', { vars: { marker } }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(err?.name).toBe('ConfigurationError');
      expect(err?.message).toBe(
        [
          `${FIXTURES}/unsupported.yml:8:9: job "build", step 2 "Set up node": uses: actions/setup-node@v4: remote actions are not supported by the local runner (only ./path actions and actions/checkout)`,
          `${FIXTURES}/unsupported.yml:13:9: job "other", step 1 "Run docker://alpine:3": uses: docker://alpine:3: docker actions are not supported by the local runner`,
        ].join('\n'),
      );
      expect(existsSync(marker)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("surfaces the parser's errors with file, line and column", async () => {
    await expect(run('invalid.yml')).rejects.toThrow(
      `${FIXTURES}/invalid.yml:8:9: Unexpected value 'retries'`,
    );
  });

  it('kiln run: 0 when the workflow succeeds, 3 when it fails, 1 for bad input; --json', async () => {
    const ok = await runKiln([
      'run',
      `${FIXTURES}/dispatch.yml`,
      '--input',
      'environment=staging',
      '--json',
    ]);
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.stdout) as RunResult;
    expect(json.jobs.map((j) => [j.id, j.result])).toEqual([['show', 'success']]);
    expect(ok.stderr).toContain('    env=staging target=');
    const failed = await runKiln(['run', `${FIXTURES}/basics.yml`]);
    expect(failed.code).toBe(3);
    expect(failed.stdout).toContain('job broken: failure');
    const bad = await runKiln(['run', `${FIXTURES}/dispatch.yml`, '--input', 'environment=x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      `kiln: ${FIXTURES}/dispatch.yml: Input "environment" has value "x": must be one of staging, production\n`,
    );
  }, 60_000);
});

describe('local workflow runner on the committed bake-image bundle', () => {
  let out = '';
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'kiln-runner-bundle-'));
  });
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('bakes the sample app through ./actions/bake-image into an OCI layout', async () => {
    const { result, log } = await run('bundle.yml', { vars: { out } });
    expect(result.conclusion).toBe('success');
    const bake = job(result, 'bake');
    const digest = bake.outputs.digest as string;
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(bake.outputs.image).toBe(`oci-layout:${out}/image@${digest}`);
    // An independent tool reads the same manifest bytes from the layout.
    const raw = execFileSync('skopeo', ['inspect', '--raw', `oci:${out}/image`], {
      encoding: 'utf8',
    });
    expect('sha256:' + createHash('sha256').update(raw).digest('hex')).toBe(digest);
    const base = bake.steps.find((s) => s.id === 'base')?.outputs.digest as string;
    expect(log).toContain(`    baked ${digest} on ${base}`);
    // The pull_request payload's head sha reached the image through `with:`.
    const config = JSON.parse(
      execFileSync('skopeo', ['inspect', '--config', `oci:${out}/image`], { encoding: 'utf8' }),
    ) as { config: { Env: string[] } };
    expect(config.config.Env).toContain(`APP_REVISION=${SHA}`);
  }, 120_000);
});
