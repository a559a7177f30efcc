import { describe, expect, it } from '@jest/globals';
import type { Octokit } from './client.js';
import {
  PRIOR_DEPLOYMENTS_SCANNED,
  recordDeployment,
  STATUS_DESCRIPTION_MAX,
} from './deployments.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const ctx = { repo: { owner: 'o', repo: 'r' }, runUrl: 'https://github.com/o/r/actions/runs/1' };

/** An Octokit stand-in: the four deployment calls, recorded; listed deployments and their latest state. */
function stub(prior: Array<{ id: number; state?: string }>, createdId: number) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  const octokit = {
    rest: {
      repos: {
        createDeployment: async (p: Record<string, unknown>) => {
          calls.push(['createDeployment', p]);
          return { data: { id: createdId, url: `api/deployments/${createdId}` } };
        },
        createDeploymentStatus: async (p: Record<string, unknown>) => {
          calls.push(['createDeploymentStatus', p]);
          return { data: {} };
        },
        listDeployments: async (p: Record<string, unknown>) => {
          calls.push(['listDeployments', p]);
          return { data: prior.map(({ id }) => ({ id })) };
        },
        listDeploymentStatuses: async (p: Record<string, unknown>) => {
          calls.push(['listDeploymentStatuses', p]);
          const s = prior.find((d) => d.id === p.deployment_id)?.state;
          return { data: s ? [{ state: s }] : [] };
        },
      },
    },
  } as unknown as Octokit;
  return { octokit, calls };
}

const input = (environment: string) => ({
  environment,
  ref: 'abc',
  digest: DIGEST,
  image: `r.example/o/r@${DIGEST}`,
  url: 'https://shop.example',
});

describe('recordDeployment', () => {
  it('retires only earlier production deployments whose latest state is success', async () => {
    const { octokit, calls } = stub(
      [
        { id: 9, state: 'in_progress' }, // started after ours: not ours to retire
        { id: 7, state: 'success' },
        { id: 6, state: 'in_progress' }, // a run still going (or one that died): left alone
        { id: 5, state: 'failure' },
        { id: 4 }, // no status at all
        { id: 3, state: 'success' },
        { id: 2, state: 'inactive' },
      ],
      8,
    );
    const d = await recordDeployment(octokit, ctx, input('production'));
    await d.setStatus('success');
    expect(calls.find(([n]) => n === 'listDeployments')?.[1]).toMatchObject({
      environment: 'production',
      per_page: PRIOR_DEPLOYMENTS_SCANNED,
    });
    expect(
      calls.filter(([n]) => n === 'listDeploymentStatuses').map(([, p]) => p.deployment_id),
    ).toEqual([7, 6, 5, 4, 3, 2]);
    const retired = calls
      .filter(([n, p]) => n === 'createDeploymentStatus' && p.state === 'inactive')
      .map(([, p]) => [p.deployment_id, p.auto_inactive, p.log_url]);
    expect(retired).toEqual([
      [7, false, ctx.runUrl],
      [3, false, ctx.runUrl],
    ]);
  });

  it('lists nothing for other environments, nor for states other than success', async () => {
    const { octokit, calls } = stub([{ id: 1, state: 'success' }], 2);
    const staging = await recordDeployment(octokit, ctx, input('staging'));
    await staging.setStatus('success');
    const prod = await recordDeployment(octokit, ctx, input('production'));
    for (const s of ['in_progress', 'failure', 'error', 'inactive'] as const)
      await prod.setStatus(s);
    expect(calls.map(([n]) => n)).not.toContain('listDeployments');
  });

  it('links the environment only while it is being or has been deployed', async () => {
    const { octokit, calls } = stub([], 1);
    const d = await recordDeployment(octokit, ctx, input('staging'));
    for (const s of ['in_progress', 'success', 'failure', 'error', 'inactive'] as const)
      await d.setStatus(s);
    const sent = calls.filter(([n]) => n === 'createDeploymentStatus').map(([, p]) => p);
    expect(sent.map((p) => [p.state, p.environment_url ?? null, p.auto_inactive])).toEqual([
      ['in_progress', 'https://shop.example', false],
      ['success', 'https://shop.example', true],
      ['failure', null, false],
      ['error', null, false],
      ['inactive', null, false],
    ]);
    expect(sent.every((p) => p.log_url === ctx.runUrl)).toBe(true);
  });

  it('sends a one-line description of at most the limit', async () => {
    const { octokit, calls } = stub([], 1);
    await recordDeployment(octokit, ctx, {
      ...input('staging'),
      description: `line one\nline two ${'y'.repeat(200)}`,
    });
    const description = calls[0]?.[1].description as string;
    expect(description).toHaveLength(STATUS_DESCRIPTION_MAX);
    expect(description.startsWith('line one line two y')).toBe(true);
  });
});
