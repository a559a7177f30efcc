import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  publishCheckRun,
  type CheckAnnotation,
  githubClient,
  type RunContext,
} from '@kiln/core/github';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const TOKEN = 'ghs_fakeTokenForTests0000000000000000';
const SHA = 'c0ffee'.padEnd(40, '0');

const annotations = (n: number): CheckAnnotation[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `layers/${i}.txt`,
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: i % 2 ? 'warning' : 'failure',
    message: `finding ${i}`,
    title: `rule ${i}`,
  }));

function context(fake: FakeGitHub): RunContext {
  return {
    repo: { owner: 'octo', repo: 'kiln' },
    apiUrl: fake.url,
    serverUrl: 'https://github.com',
    runUrl: 'https://github.com/octo/kiln/actions/runs/42/attempts/1',
  };
}

/** Logged warnings: stderr locally, `::warning::` on stdout when the tests run on a runner. */
function captureOutput(): { text(): string } {
  let out = '';
  for (const stream of [process.stdout, process.stderr]) {
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
  }
  return { text: () => out };
}
afterEach(() => {
  jest.restoreAllMocks();
});

const input = {
  name: 'kiln/validate',
  headSha: SHA,
  conclusion: 'failure' as const,
  title: '3 of 9 rules failed',
  summary: '| rule | result |\n| --- | --- |\n| user | root |',
};

describe('publishCheckRun against the spec-checked fake', () => {
  let fake: FakeGitHub;
  // Compiling the OpenAPI description's schemas takes seconds on a loaded machine.
  beforeAll(async () => {
    fake = await startFakeGitHub();
  }, 60_000);
  afterAll(() => fake.stop());

  it('sends 120 annotations as one create and two updates of at most 50', async () => {
    const ctx = context(fake);
    captureOutput();
    const before = fake.requests.length;
    const run = await publishCheckRun(await githubClient(TOKEN, ctx), ctx, {
      ...input,
      text: 'details',
      annotations: annotations(120),
    });
    const sent = fake.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/octo/kiln/check-runs',
      `PATCH /repos/octo/kiln/check-runs/${run?.id}`,
      `PATCH /repos/octo/kiln/check-runs/${run?.id}`,
    ]);
    const sizes = sent.map(
      (r) => (r.body as { output: { annotations: unknown[] } }).output.annotations.length,
    );
    expect(sizes).toEqual([50, 50, 20]);
    expect(fake.violations).toEqual([]);

    const stored = fake.checkRuns().find((r) => r.id === run?.id);
    expect(stored).toMatchObject({
      name: 'kiln/validate',
      headSha: SHA,
      status: 'completed',
      conclusion: 'failure',
      title: input.title,
      summary: input.summary,
      text: 'details',
      detailsUrl: ctx.runUrl,
      updates: 2,
    });
    expect(stored?.annotations.map((a) => a.message)).toEqual(
      annotations(120).map((a) => a.message),
    );
    expect(run?.url).toBe(`${fake.url}/octo/kiln/runs/${run?.id}`);
  });

  it('sends a run without annotations as a single create', async () => {
    const ctx = context(fake);
    captureOutput();
    const before = fake.requests.length;
    const run = await publishCheckRun(await githubClient(TOKEN, ctx), ctx, {
      ...input,
      conclusion: 'success',
      annotations: [],
    });
    expect(fake.requests.length - before).toBe(1);
    expect(fake.checkRuns().find((r) => r.id === run?.id)?.conclusion).toBe('success');
    expect(fake.violations).toEqual([]);
  });
});

describe('tokens without permission and failures', () => {
  it('warns about `checks: write` and returns undefined on 403', async () => {
    const fake = await startFakeGitHub({ forbidden: ['checks'] });
    try {
      const out = captureOutput();
      const ctx = context(fake);
      const run = await publishCheckRun(await githubClient(TOKEN, ctx), ctx, {
        ...input,
        annotations: annotations(3),
      });
      expect(run).toBeUndefined();
      expect(out.text()).toMatch(/Resource not accessible by integration/);
      expect(out.text()).toMatch(/checks: write/);
      expect(out.text()).not.toContain(TOKEN);
      expect(fake.violations).toEqual([]);
      expect(fake.checkRuns()).toEqual([]);
    } finally {
      await fake.stop();
    }
  });

  it('throws other errors', async () => {
    const fake = await startFakeGitHub({ broken: ['checks'] });
    try {
      const ctx = context(fake);
      await expect(
        publishCheckRun(await githubClient(TOKEN, ctx), ctx, { ...input, annotations: [] }),
      ).rejects.toMatchObject({ status: 500 });
      expect(fake.violations).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});

describe('the fake holds requests and responses to the OpenAPI description', () => {
  let fake: FakeGitHub;
  // Compiling the OpenAPI description's schemas takes seconds on a loaded machine.
  beforeAll(async () => {
    fake = await startFakeGitHub();
  }, 60_000);
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.violations.splice(0);
  });

  const post = (path: string, body: unknown): Promise<Response> =>
    fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers 422 and records a request the schema rejects', async () => {
    const res = await post('/repos/octo/kiln/check-runs', {
      name: 'x',
      head_sha: SHA,
      status: 'completed',
      conclusion: 'bogus',
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toMatch(/conclusion/);
    expect(fake.violations).toHaveLength(1);
    expect(fake.violations[0]).toMatch(/checks\/create .*\/conclusion .*allowed values/);
  });

  it('rejects more than 50 annotations in one request (the limit the batching obeys)', async () => {
    const res = await post('/repos/octo/kiln/check-runs', {
      name: 'x',
      head_sha: SHA,
      output: { title: 't', summary: 's', annotations: annotations(51) },
    });
    expect(res.status).toBe(422);
    expect(fake.violations.join('\n')).toMatch(/annotations must NOT have more than 50 items/);
  });

  it('enforces GitHub rules the schema does not state, and authentication', async () => {
    const res = await post('/repos/octo/kiln/check-runs', {
      name: 'x',
      head_sha: SHA,
      status: 'completed',
    });
    expect(res.status).toBe(422);
    const anon = await fetch(`${fake.url}/repos/octo/kiln/check-runs`, {
      method: 'POST',
      body: JSON.stringify({ name: 'x', head_sha: SHA }),
    });
    expect(anon.status).toBe(401);
    expect(fake.violations).toEqual([
      expect.stringMatching(/conclusion is required/),
      expect.stringMatching(/Requires authentication/),
    ]);
  });

  it('serves deployments and statuses with schema-valid answers', async () => {
    const ctx = context(fake);
    const octokit = await githubClient(TOKEN, ctx);
    const { data: d } = await octokit.rest.repos.createDeployment({
      owner: 'octo',
      repo: 'kiln',
      ref: SHA,
      environment: 'staging',
      auto_merge: false,
      required_contexts: [],
      payload: { digest: 'sha256:' + 'a'.repeat(64) },
    });
    if (!('id' in d)) throw new Error('expected a created deployment');
    await octokit.rest.repos.createDeploymentStatus({
      owner: 'octo',
      repo: 'kiln',
      deployment_id: d.id,
      state: 'success',
      target_url: ctx.runUrl,
      environment_url: 'https://staging.example',
    });
    expect(fake.deployments()).toMatchObject([
      { id: d.id, sha: SHA, environment: 'staging', statuses: [{ state: 'success' }] },
    ]);
    expect(fake.violations).toEqual([]);
  });

  it('checks its own responses: GitHub\'s "" target_url does not pass the `uri` format', async () => {
    const { id } = (await (
      await post('/repos/octo/kiln/deployments', { ref: SHA, environment: 'qa' })
    ).json()) as { id: number };
    const res = await post(`/repos/octo/kiln/deployments/${id}/statuses`, { state: 'success' });
    expect(res.status).toBe(201);
    expect(fake.violations).toEqual([expect.stringMatching(/response 201 .*\/target_url/)]);
  });

  it('answers 404 for unknown paths and records them', async () => {
    expect((await post('/repos/octo/kiln/statuses/abc', { state: 'success' })).status).toBe(404);
    expect(fake.violations).toEqual([expect.stringMatching(/not an endpoint the fake serves/)]);
  });
});
