import { describe, expect, it } from '@jest/globals';
import type { WorkflowTemplate } from '@actions/workflow-parser';
import { checkEvent, dispatchInputs, trigger } from './event.js';

const template = {
  events: {
    workflow_dispatch: {
      inputs: {
        env: { type: 'choice', options: ['staging', 'production'], required: true },
        reason: { type: 'string', default: 'manual' },
        force: { type: 'boolean', default: false },
      },
    },
  },
  jobs: [],
} as unknown as WorkflowTemplate;

describe('workflow_dispatch inputs', () => {
  it('applies defaults and types booleans', () => {
    expect(dispatchInputs(template, { env: 'staging' }, 'wf.yml')).toEqual({
      env: 'staging',
      reason: 'manual',
      force: false,
    });
    expect(dispatchInputs(template, { env: 'production', force: 'true' }, 'wf.yml').force).toBe(
      true,
    );
  });

  it('refuses a missing required input, a bad choice, a bad boolean and an undeclared name', () => {
    expect(() => dispatchInputs(template, {}, 'wf.yml')).toThrow(
      'wf.yml: input "env" is required (give it with --input env=VALUE)',
    );
    expect(() => dispatchInputs(template, { env: 'qa' }, 'wf.yml')).toThrow(
      'wf.yml: Input "env" has value "qa": must be one of staging, production',
    );
    expect(() => dispatchInputs(template, { env: 'staging', force: '1' }, 'wf.yml')).toThrow(
      'wf.yml: Input "force" has value "1": must be true or false',
    );
    expect(() => dispatchInputs(template, { env: 'staging', other: 'x' }, 'wf.yml')).toThrow(
      'wf.yml: input "other" is not declared in on.workflow_dispatch.inputs (declared: env, reason, force)',
    );
  });

  it('refuses an event the workflow does not run on, or one the runner cannot make', () => {
    expect(() => checkEvent(template, 'push', 'wf.yml')).toThrow(
      'wf.yml does not run on push (on: workflow_dispatch)',
    );
    expect(() => checkEvent(template, 'schedule', 'wf.yml')).toThrow(
      '--event schedule: the local runner makes push, pull_request, workflow_dispatch events',
    );
  });
});

describe('event payloads', () => {
  const facts = {
    sha: 'a'.repeat(40),
    branch: 'feature',
    repository: 'acme/shop',
    actor: 'me',
    baseBranch: 'main',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
  };

  it('gives a pull_request the merge ref, head and base', () => {
    const t = trigger('pull_request', facts, {});
    expect([t.ref, t.refName, t.headRef, t.baseRef]).toEqual([
      'refs/pull/1/merge',
      '1/merge',
      'feature',
      'main',
    ]);
    expect((t.payload.pull_request as { head: { sha: string } }).head.sha).toBe(facts.sha);
  });

  it('puts dispatch inputs in the payload as strings', () => {
    const t = trigger('workflow_dispatch', facts, { force: true, env: 'staging' });
    expect(t.payload.inputs).toEqual({ force: 'true', env: 'staging' });
    expect(t.ref).toBe('refs/heads/feature');
  });
});
