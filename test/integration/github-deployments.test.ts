import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  githubClient,
  githubDeploymentRecorder,
  githubLedgerWitness,
  ledgerWitnessFor,
  recordDeployment,
  type DeploymentInput,
  type RunContext,
} from '@kiln/core/github';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const TOKEN = 'ghs_fakeTokenForTests0000000000000000';
const SHA = 'c0ffee'.padEnd(40, '0');
const RUN_URL = 'https://github.com/octo/kiln/actions/runs/42/attempts/1';
const digest = (n: number): string => `sha256:${String(n).repeat(64).slice(0, 64)}`;

function context(fake: FakeGitHub, repo = 'kiln'): RunContext {
  return {
    repo: { owner: 'octo', repo },
    commit: SHA,
    apiUrl: fake.url,
    serverUrl: 'https://github.com',
    runUrl: RUN_URL,
  };
}

const input = (environment: string, n: number): DeploymentInput => ({
  environment,
  ref: SHA,
  digest: digest(n),
  image: `registry.example/octo/shop@${digest(n)}`,
  url: `https://${environment}.shop.example`,
});

/** Logged lines: stderr locally, `::warning::` on stdout when the tests run on a runner. */
function captureOutput(): { text(): string; warnings(): string[] } {
  let out = '';
  for (const stream of [process.stdout, process.stderr]) {
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
  }
  return {
    text: () => out,
    warnings: () => out.split('\n').filter((l) => /^(warning: |::warning::)/.test(l)),
  };
}
afterEach(() => {
  jest.restoreAllMocks();
});

const states = (fake: FakeGitHub, id: number): string[] =>
  fake
    .deployments()
    .find((d) => d.id === id)
    ?.statuses.map((s) => s.state) ?? [];

describe('GitHub deployments against the spec-checked fake', () => {
  let fake: FakeGitHub;
  // Compiling the OpenAPI description's schemas takes seconds on a loaded machine.
  beforeAll(async () => {
    fake = await startFakeGitHub();
  }, 60_000);
  afterAll(() => fake.stop());

  it('records a deploy: the digest in the payload, in_progress then success', async () => {
    captureOutput();
    const ctx = context(fake, 'first');
    const before = fake.requests.length;
    const d = await recordDeployment(await githubClient(TOKEN, ctx), ctx, input('staging', 1));
    await d.setStatus('in_progress');
    await d.setStatus('success', { description: 'N/N healthy' });

    const sent = fake.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/octo/first/deployments',
      `POST /repos/octo/first/deployments/${d.id}/statuses`,
      `POST /repos/octo/first/deployments/${d.id}/statuses`,
    ]);
    expect(sent[0]?.body).toEqual({
      ref: SHA,
      task: 'deploy',
      auto_merge: false,
      required_contexts: [],
      environment: 'staging',
      payload: { image: input('staging', 1).image, digest: digest(1) },
      description: 'Kiln deploys sha256:111111111111…',
      transient_environment: false,
      production_environment: false,
    });
    expect(sent.slice(1).map((r) => r.body)).toEqual([
      {
        state: 'in_progress',
        environment_url: 'https://staging.shop.example',
        log_url: RUN_URL,
        auto_inactive: false,
      },
      {
        state: 'success',
        description: 'N/N healthy',
        environment_url: 'https://staging.shop.example',
        log_url: RUN_URL,
        auto_inactive: true,
      },
    ]);
    const [stored] = fake.deployments().filter((x) => x.repo === 'first');
    expect(stored).toMatchObject({
      id: d.id,
      ref: SHA,
      sha: SHA,
      environment: 'staging',
      payload: { digest: digest(1) },
      productionEnvironment: false,
    });
    expect(stored?.statuses.map((s) => [s.state, s.logUrl, s.environmentUrl])).toEqual([
      ['in_progress', RUN_URL, 'https://staging.shop.example'],
      ['success', RUN_URL, 'https://staging.shop.example'],
    ]);
    expect(d.url).toBe(`${fake.url}/repos/octo/first/deployments/${d.id}`);
    expect(fake.violations).toEqual([]);
  });

  it('a failure sets failure and leaves the deployment that ran before active', async () => {
    captureOutput();
    const ctx = context(fake, 'fails');
    const client = await githubClient(TOKEN, ctx);
    const good = await recordDeployment(client, ctx, input('staging', 1));
    await good.setStatus('success');
    const bad = await recordDeployment(client, ctx, input('staging', 2));
    await bad.setStatus('in_progress');
    await bad.setStatus('failure', { description: 'rolled back: 1/3 healthy' });

    expect(states(fake, good.id)).toEqual(['success']);
    expect(states(fake, bad.id)).toEqual(['in_progress', 'failure']);
    // No environment link on a failure: the environment still serves the previous digest.
    expect(fake.deployments().find((x) => x.id === bad.id)?.statuses[1]?.environmentUrl).toBe(
      undefined,
    );
    expect(fake.violations).toEqual([]);
  });

  it('a later success makes the earlier one inactive (GitHub auto_inactive, staging)', async () => {
    captureOutput();
    const ctx = context(fake, 'staged');
    const client = await githubClient(TOKEN, ctx);
    const v1 = await recordDeployment(client, ctx, input('staging', 1));
    await v1.setStatus('success');
    const other = await recordDeployment(client, ctx, input('qa', 1));
    await other.setStatus('success');
    const v2 = await recordDeployment(client, ctx, input('staging', 2));
    await v2.setStatus('in_progress');
    expect(states(fake, v1.id)).toEqual(['success']);
    await v2.setStatus('success');

    expect(states(fake, v1.id)).toEqual(['success', 'inactive']);
    expect(fake.deployments().find((x) => x.id === v1.id)?.statuses[1]?.automatic).toBe(true);
    expect(states(fake, v2.id)).toEqual(['in_progress', 'success']);
    // Another environment is not touched.
    expect(states(fake, other.id)).toEqual(['success']);
    expect(fake.violations).toEqual([]);
  });

  it('production (which auto_inactive skips): Kiln retires the earlier success itself', async () => {
    captureOutput();
    const ctx = context(fake, 'prod');
    const client = await githubClient(TOKEN, ctx);
    const v1 = await recordDeployment(client, ctx, input('production', 1));
    await v1.setStatus('success');
    const broken = await recordDeployment(client, ctx, input('production', 2));
    await broken.setStatus('failure');
    const v3 = await recordDeployment(client, ctx, input('production', 3));
    const before = fake.requests.length;
    await v3.setStatus('success');

    expect(states(fake, v1.id)).toEqual(['success', 'inactive']);
    const retired = fake.deployments().find((x) => x.id === v1.id)?.statuses[1];
    expect(retired).toMatchObject({ description: 'replaced by sha256:333333333333…' });
    expect(retired?.automatic).toBeUndefined();
    expect(states(fake, broken.id)).toEqual(['failure']);
    expect(states(fake, v3.id)).toEqual(['success']);
    expect(fake.deployments().find((x) => x.id === v3.id)?.productionEnvironment).toBe(true);
    expect(
      fake.requests.slice(before).map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`),
    ).toEqual([
      `POST /repos/octo/prod/deployments/${v3.id}/statuses undefined`,
      'GET /repos/octo/prod/deployments {"environment":"production","per_page":"10"}',
      `GET /repos/octo/prod/deployments/${broken.id}/statuses {"per_page":"1"}`,
      `GET /repos/octo/prod/deployments/${v1.id}/statuses {"per_page":"1"}`,
      `POST /repos/octo/prod/deployments/${v1.id}/statuses undefined`,
    ]);
    expect(fake.violations).toEqual([]);
  });

  it('clips descriptions to the 140 characters GitHub takes and shows hidden characters', async () => {
    captureOutput();
    const ctx = context(fake, 'clip');
    const d = await recordDeployment(await githubClient(TOKEN, ctx), ctx, input('staging', 1));
    await d.setStatus('failure', { description: `bad\u001b[31m ${'x'.repeat(300)}` });
    const s = fake.deployments().find((x) => x.id === d.id)?.statuses[0];
    expect(s?.description).toHaveLength(140);
    expect(s?.description.startsWith('bad\\u001b[31m x')).toBe(true);
    expect(s?.description.endsWith('…')).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it('the recorder records through the run context and logs the deployment', async () => {
    const out = captureOutput();
    const ctx = context(fake, 'recorder');
    const recorder = githubDeploymentRecorder(TOKEN, ctx);
    const handle = await recorder?.start({ ...input('staging', 4), ref: '' });
    await handle?.setStatus('in_progress');
    await handle?.setStatus('success');
    const [d] = fake.deployments().filter((x) => x.repo === 'recorder');
    // An empty ref falls back to the run's commit.
    expect(d?.ref).toBe(SHA);
    expect(d?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(out.text()).toContain(`GitHub deployment ${d?.id} to staging:`);
    expect(out.warnings()).toEqual([]);
    expect(fake.violations).toEqual([]);
  });
});

describe('the recorder never fails a deploy', () => {
  it('is undefined without a token or outside a repository', async () => {
    const fake = await startFakeGitHub();
    try {
      expect(githubDeploymentRecorder('', context(fake))).toBeUndefined();
      expect(githubDeploymentRecorder(undefined, context(fake))).toBeUndefined();
      const { repo: _repo, ...noRepo } = context(fake);
      expect(githubDeploymentRecorder(TOKEN, noRepo)).toBeUndefined();
      expect(fake.requests).toEqual([]);
    } finally {
      await fake.stop();
    }
  });

  it('without `deployments: write`: one warning, no throw, no further requests', async () => {
    const fake = await startFakeGitHub({ forbidden: ['deployments'] });
    try {
      const out = captureOutput();
      const recorder = githubDeploymentRecorder(TOKEN, context(fake));
      const first = await recorder?.start(input('staging', 1));
      await first?.setStatus('in_progress');
      await first?.setStatus('success');
      const second = await recorder?.start(input('production', 1));
      await second?.setStatus('failure');

      expect(out.warnings()).toHaveLength(1);
      expect(out.warnings()[0]).toMatch(/Resource not accessible by integration/);
      expect(out.warnings()[0]).toMatch(/deployments: write/);
      expect(out.text()).not.toContain(TOKEN);
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /repos/octo/kiln/deployments',
      ]);
      expect(fake.deployments()).toEqual([]);
      expect(fake.violations).toEqual([]);
    } finally {
      await fake.stop();
    }
  });

  it('a GitHub outage is a warning per call, never a throw', async () => {
    const fake = await startFakeGitHub({ broken: ['deployments'] });
    try {
      const out = captureOutput();
      const recorder = githubDeploymentRecorder(TOKEN, context(fake));
      const handle = await recorder?.start(input('staging', 1));
      await handle?.setStatus('success');
      await recorder?.start(input('staging', 2));
      expect(out.warnings()).toHaveLength(2);
      expect(out.warnings()[0]).toMatch(
        /Recording the GitHub deployment to staging failed \(the deploy goes on\): .*Internal Server Error/,
      );
      expect(fake.violations).toEqual([]);
    } finally {
      await fake.stop();
    }
  });

  it('the fake rejects a status body GitHub would (the schema is enforced)', async () => {
    const fake = await startFakeGitHub();
    try {
      captureOutput();
      const ctx = context(fake);
      const client = await githubClient(TOKEN, ctx);
      const d = await recordDeployment(client, ctx, input('staging', 1));
      await expect(
        client.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
          owner: 'octo',
          repo: 'kiln',
          deployment_id: d.id,
          state: 'deployed',
        } as never),
      ).rejects.toMatchObject({ status: 422 });
      expect(fake.violations).toEqual([
        expect.stringMatching(/^repos\/create-deployment-status .*\/state must be equal to one of/),
      ]);
    } finally {
      await fake.stop();
    }
  });
});

describe('the ledger witness on GitHub Deployments (spec-checked fake)', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub();
  }, 60_000);
  afterAll(() => fake.stop());

  const head = (seq: number) => ({ seq, digest: digest(seq) as `sha256:${string}` });

  it('records the head on the newest deployment, restating its state, and reads it back', async () => {
    captureOutput();
    const ctx = context(fake, 'witness');
    const witness = githubLedgerWitness(TOKEN, ctx);
    if (!witness) throw new Error('a token and a repository make a witness');
    expect(witness.label).toBe('GitHub Deployments of octo/witness');
    // Nothing deployed yet: nothing to read, nowhere to record.
    expect(await witness.last('staging', 'any')).toBeUndefined();
    expect(await witness.record('staging', 'any', head(1))).toBe(false);

    const client = await githubClient(TOKEN, ctx);
    const d1 = await recordDeployment(client, ctx, input('staging', 1));
    await d1.setStatus('failure', { description: 'rolled-back: 2/2 healthy on the previous' });
    expect(await witness.record('staging', 'any', head(3))).toBe(true);
    const statuses = fake.deployments().find((d) => d.id === d1.id)?.statuses ?? [];
    expect(statuses.map((s) => [s.state, s.description])).toEqual([
      ['failure', 'rolled-back: 2/2 healthy on the previous'],
      ['failure', `kiln ledger head #3 ${digest(3)}`],
    ]);
    expect(await witness.last('staging', 'any')).toEqual({
      ...head(3),
      source: 'GitHub Deployments of octo/witness',
    });
    // A newer deployment with no witness yet (a run that died before recording): the older
    // witness still anchors; another environment's is its own.
    const d2 = await recordDeployment(client, ctx, input('staging', 2));
    await d2.setStatus('in_progress');
    expect((await witness.last('staging', 'any'))?.seq).toBe(3);
    expect(await witness.last('production', 'any')).toBeUndefined();
    await d2.setStatus('success', { description: 'deployed' });
    await witness.record('staging', 'any', head(4));
    expect((await witness.last('staging', 'any'))?.seq).toBe(4);
    expect(fake.violations).toEqual([]);
  });

  it('no token or no repository: no GitHub witness, the workspace file instead', () => {
    expect(githubLedgerWitness(undefined, context(fake))).toBeUndefined();
    expect(githubLedgerWitness(TOKEN, { ...context(fake), repo: undefined })).toBeUndefined();
    const w = ledgerWitnessFor('', context(fake), '/workspace');
    expect(w.label).toMatch(/^witness file /);
  });
});
