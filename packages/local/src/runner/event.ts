import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import type { WorkflowTemplate } from '@actions/workflow-parser';
import { ConfigurationError, invalidInput } from '@kiln/core/errors';
import type { EventName } from './types.js';

/**
 * The trigger of a local run: the event payload a hosted runner would write to
 * GITHUB_EVENT_PATH, the `github` context fields that come from it, and the `inputs` of a
 * `workflow_dispatch`, checked against the workflow's declarations as GitHub checks them.
 */

/** What the run is about, where the working tree cannot say (or the caller wants otherwise). */
export interface RepositoryFacts {
  sha: string;
  /** branch name, without refs/heads/ */
  branch: string;
  /** `owner/name` */
  repository: string;
  actor: string;
  /** the base branch of a pull_request event */
  baseBranch: string;
  serverUrl: string;
  apiUrl: string;
}

function git(workspace: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', workspace, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Not a repository, or no such ref: the caller's fallback applies.
    return undefined;
  }
}

/** Commit, branch and `owner/name` of the working tree, with fallbacks outside a repository. */
export function repositoryFacts(
  workspace: string,
  given: Partial<RepositoryFacts> = {},
): RepositoryFacts {
  const remote = git(workspace, ['remote', 'get-url', 'origin']) ?? '';
  const fromRemote = /[/:]([^/:]+\/[^/]+?)(?:\.git)?$/.exec(remote)?.[1];
  return {
    sha: given.sha ?? git(workspace, ['rev-parse', 'HEAD']) ?? '0'.repeat(40),
    branch: given.branch ?? git(workspace, ['symbolic-ref', '--short', '-q', 'HEAD']) ?? 'main',
    repository: given.repository ?? fromRemote ?? `local/${basename(workspace)}`,
    actor: given.actor ?? process.env.USER ?? 'local',
    baseBranch: given.baseBranch ?? 'main',
    serverUrl: given.serverUrl ?? 'https://github.com',
    apiUrl: given.apiUrl ?? 'https://api.github.com',
  };
}

type InputValue = string | boolean | number;

/**
 * `workflow_dispatch` inputs: every given name declared, required ones present, a choice one
 * of its options, a boolean `true`/`false`; defaults applied. Typed values for the `inputs`
 * context (a boolean is a boolean), as GitHub gives them.
 */
export function dispatchInputs(
  template: WorkflowTemplate,
  given: Record<string, string>,
  file: string,
): Record<string, InputValue> {
  const declared = template.events.workflow_dispatch?.inputs ?? {};
  const names = Object.keys(declared);
  for (const name of Object.keys(given))
    if (!Object.hasOwn(declared, name))
      throw new ConfigurationError(
        `${file}: input "${name}" is not declared in on.workflow_dispatch.inputs${names.length ? ` (declared: ${names.join(', ')})` : ''}`,
      );
  const out: Record<string, InputValue> = {};
  const bad = (name: string, value: string, rule: string): ConfigurationError =>
    new ConfigurationError(`${file}: ${invalidInput(name, value, rule).message}`);
  for (const [name, spec] of Object.entries(declared)) {
    const value = Object.hasOwn(given, name)
      ? given[name]
      : spec.default === undefined
        ? undefined
        : String(spec.default);
    if (value === undefined || value === '') {
      if (spec.required)
        throw new ConfigurationError(
          `${file}: input "${name}" is required (give it with --input ${name}=VALUE)`,
        );
    }
    const v = value ?? '';
    switch (spec.type) {
      case 'choice':
        if (v !== '' && !(spec.options ?? []).includes(v))
          throw bad(name, v, `must be one of ${(spec.options ?? []).join(', ')}`);
        out[name] = v;
        break;
      case 'boolean':
        if (v !== '' && v !== 'true' && v !== 'false') throw bad(name, v, 'must be true or false');
        out[name] = v === 'true';
        break;
      default:
        if ((spec.type as string) === 'number') {
          if (v !== '' && !Number.isFinite(Number(v))) throw bad(name, v, 'must be a number');
          out[name] = v === '' ? '' : Number(v);
        } else out[name] = v;
    }
  }
  return out;
}

/** The event payload and the `github` context fields that depend on the event. */
export interface Trigger {
  payload: Record<string, unknown>;
  ref: string;
  refName: string;
  headRef: string;
  baseRef: string;
  sha: string;
}

/** A payload shaped like GitHub's for the event, from the working tree's facts. */
export function trigger(
  event: EventName,
  facts: RepositoryFacts,
  inputs: Record<string, InputValue>,
): Trigger {
  const [owner = '', name = ''] = facts.repository.split('/');
  const repository = {
    name,
    full_name: facts.repository,
    owner: { login: owner },
    default_branch: facts.baseBranch,
    html_url: `${facts.serverUrl}/${facts.repository}`,
  };
  const sender = { login: facts.actor };
  const branchRef = `refs/heads/${facts.branch}`;
  switch (event) {
    case 'push':
      return {
        payload: {
          ref: branchRef,
          before: '0'.repeat(40),
          after: facts.sha,
          head_commit: { id: facts.sha },
          repository,
          sender,
          pusher: { name: facts.actor },
        },
        ref: branchRef,
        refName: facts.branch,
        headRef: '',
        baseRef: '',
        sha: facts.sha,
      };
    case 'pull_request':
      return {
        payload: {
          action: 'synchronize',
          number: 1,
          pull_request: {
            number: 1,
            head: { ref: facts.branch, sha: facts.sha, repo: repository },
            base: { ref: facts.baseBranch, repo: repository },
          },
          repository,
          sender,
        },
        ref: 'refs/pull/1/merge',
        refName: '1/merge',
        headRef: facts.branch,
        baseRef: facts.baseBranch,
        sha: facts.sha,
      };
    case 'workflow_dispatch':
      return {
        payload: {
          // github.event.inputs holds strings, the inputs context typed values.
          inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)])),
          ref: branchRef,
          repository,
          sender,
        },
        ref: branchRef,
        refName: facts.branch,
        headRef: '',
        baseRef: '',
        sha: facts.sha,
      };
  }
}

/** Events this runner can make a payload for. */
export const EVENTS: readonly EventName[] = ['push', 'pull_request', 'workflow_dispatch'];

/** Refuses an event the workflow does not run on, or one the runner cannot make. */
export function checkEvent(template: WorkflowTemplate, event: string, file: string): EventName {
  if (!(EVENTS as readonly string[]).includes(event))
    throw new ConfigurationError(
      `--event ${event}: the local runner makes ${EVENTS.join(', ')} events`,
    );
  const on = Object.keys(template.events).filter((k) => template.events[k] !== undefined);
  if (!on.includes(event))
    throw new ConfigurationError(`${file} does not run on ${event} (on: ${on.join(', ')})`);
  return event as EventName;
}

/** The trigger's filters the runner does not evaluate, for a note (the run goes ahead). */
export function unevaluatedFilters(template: WorkflowTemplate, event: EventName): string[] {
  const config = template.events[event] as Record<string, unknown> | undefined;
  return Object.keys(config ?? {}).filter((k) => k !== 'inputs' && k !== 'types');
}
