import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ConfigurationError } from '@kiln/core/errors';
import * as log from '@kiln/core/log';
import { privateTempDir } from '@kiln/core/util';
import {
  checkEvent,
  dispatchInputs,
  EVENTS,
  repositoryFacts,
  trigger,
  unevaluatedFilters,
} from './event.js';
import { evaluateMap } from './expressions.js';
import { loadWorkflow, type PlannedJob } from './load-workflow.js';
import { Masker } from './masker.js';
import type { RunContext } from './run-context.js';
import { runJob } from './run-job.js';
import type { RunOptions } from './options.js';
import type { JobResult, RunResult } from './types.js';

/** Variables a hosted runner sets itself: the host's own (e.g. when `kiln run` runs inside a job) never leak into a step. */
const RUNNER_OWNED = /^(GITHUB_|RUNNER_|INPUT_|STATE_|ACTIONS_)/;

/** Jobs in `needs` order, file order among equals (the converter has refused cycles and unknown needs). */
export function jobOrder(jobs: PlannedJob[]): PlannedJob[] {
  const done = new Set<string>();
  const order: PlannedJob[] = [];
  while (order.length < jobs.length) {
    const next = jobs.find(
      (j) => !done.has(j.job.id.value) && (j.job.needs ?? []).every((n) => done.has(n.value)),
    );
    if (!next) throw new ConfigurationError('jobs: the needs of the remaining jobs form a cycle');
    done.add(next.job.id.value);
    order.push(next);
  }
  return order;
}

function hostEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env))
    if (v !== undefined && !RUNNER_OWNED.test(k)) out[k] = v;
  return out;
}

/**
 * Runs one workflow file on this machine as a hosted runner would run it for `event`: reads it
 * with GitHub's parser, refuses what it cannot run before any step starts, then runs the jobs
 * in `needs` order and returns what happened.
 */
export async function runWorkflow(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const workspace = realpathSync(options.workspace ?? process.cwd());
  const path = resolve(workspace, options.workflow);
  const display = relative(workspace, path).startsWith('..') ? path : relative(workspace, path);
  const workflow = await loadWorkflow(path, display, workspace);
  const declared = EVENTS.filter((e) => workflow.template.events[e] !== undefined);
  const event = checkEvent(workflow.template, options.event ?? declared[0] ?? 'push', display);
  const given = options.inputs ?? {};
  if (event !== 'workflow_dispatch' && Object.keys(given).length)
    throw new ConfigurationError(
      `--input is for workflow_dispatch runs; this run is a ${event} event`,
    );
  const inputs =
    event === 'workflow_dispatch' ? dispatchInputs(workflow.template, given, display) : {};

  const masker = new Masker();
  const secrets = { GITHUB_TOKEN: '', ...options.secrets };
  for (const v of Object.values(secrets)) if (v) masker.add(v);
  const facts = repositoryFacts(workspace, options.repository);
  const t = trigger(event, facts, inputs);
  const out = options.log ?? ((line: string) => log.write(process.stderr, line));
  const temp = await privateTempDir('kiln-run-', options.tempDir);
  const notes: string[] = [];
  try {
    mkdirSync(join(temp, 'runner-temp'), { recursive: true });
    mkdirSync(join(temp, 'tool-cache'), { recursive: true });
    const eventPath = join(temp, 'event.json');
    writeFileSync(eventPath, JSON.stringify(t.payload, null, 2), { flag: 'wx', mode: 0o600 });
    const [owner = ''] = facts.repository.split('/');
    const runId = String(options.runId ?? Date.now());
    const github: Record<string, unknown> = {
      event_name: event,
      event: t.payload,
      event_path: eventPath,
      sha: t.sha,
      ref: t.ref,
      ref_name: t.refName,
      ref_type: 'branch',
      ref_protected: false,
      head_ref: t.headRef,
      base_ref: t.baseRef,
      repository: facts.repository,
      repository_owner: owner,
      actor: facts.actor,
      triggering_actor: facts.actor,
      workflow: workflow.name,
      workflow_ref: `${facts.repository}/${display}@${t.ref}`,
      run_id: runId,
      run_number: '1',
      run_attempt: '1',
      retention_days: '90',
      server_url: facts.serverUrl,
      api_url: facts.apiUrl,
      graphql_url: `${facts.apiUrl}/graphql`,
      workspace,
      token: secrets.GITHUB_TOKEN,
      action: '',
    };
    const run: RunContext = {
      workflow,
      workspace,
      temp,
      eventPath,
      github,
      inputs,
      vars: options.vars ?? {},
      secrets,
      workflowEnv: {},
      hostEnv: hostEnvironment(options.env ?? process.env),
      masker,
      annotations: [],
      notes,
      debug: options.debug ?? false,
      print: (line) => out(masker.mask(line)),
    };
    const filters = unevaluatedFilters(workflow.template, event);
    if (filters.length)
      notes.push(
        `on.${event}: ${filters.join(', ')} not evaluated locally; the run goes ahead as if they matched`,
      );
    if (workflow.jobs.length > 1) notes.push('jobs share the working tree and run one at a time');
    for (const note of notes) run.print(`note: ${note}`);
    run.print(
      `workflow ${workflow.name} (${display}) on ${event}, ${facts.repository}@${t.sha.slice(0, 12)}`,
    );
    run.workflowEnv = evaluateMap(workflow.template.env, {
      file: display,
      contexts: { github, inputs, vars: run.vars, secrets },
    });

    const byId = new Map(workflow.jobs.map((j) => [j.job.id.value, j]));
    const results = new Map<string, JobResult>();
    for (const planned of jobOrder(workflow.jobs))
      results.set(planned.job.id.value, await runJob(run, planned, byId, results));
    const jobs = [...results.values()];
    const failed = jobs.some((j) => j.result === 'failure' && !j.continueOnError);
    const result: RunResult = {
      workflow: workflow.name,
      file: display,
      event,
      conclusion: failed ? 'failure' : 'success',
      jobs,
      annotations: run.annotations,
      notes,
      durationMs: Date.now() - started,
    };
    run.print(
      `${failed ? '✗' : '✓'} workflow ${workflow.name} ${result.conclusion} ${(result.durationMs / 1000).toFixed(1)}s`,
    );
    return result;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
