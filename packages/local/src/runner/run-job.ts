import { isMapping } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { errorMessage } from '@kiln/core/errors';
import { condition, evaluateMap, evaluateString, evaluateValue, where } from './expressions.js';
import type { PlannedJob } from './load-workflow.js';
import { jobScope, type JobState, type RunContext } from './run-context.js';
import { DEFAULT_TIMEOUT_MINUTES, runActionHook, runMainStep } from './run-step.js';
import type { JobResult, Outcome } from './types.js';

/** The job-level status functions: every job it needs, directly or not, succeeded, or one failed. */
function ancestry(
  planned: PlannedJob,
  byId: Map<string, PlannedJob>,
  results: Map<string, JobResult>,
): Outcome[] {
  const seen = new Set<string>();
  const walk = (job: PlannedJob): void => {
    for (const n of job.job.needs ?? []) {
      if (seen.has(n.value)) continue;
      seen.add(n.value);
      const dep = byId.get(n.value);
      if (dep) walk(dep);
    }
  };
  walk(planned);
  return [...seen].map((id) => results.get(id)?.result ?? 'skipped');
}

/** `environment: NAME` or `environment: { name, url }`: the url may use steps, so it is read last. */
function environmentTokens(token: TemplateToken | undefined): {
  name?: TemplateToken;
  url?: TemplateToken;
} {
  if (!token) return {};
  if (isMapping(token)) return { name: token.find('name'), url: token.find('url') };
  return { name: token };
}

/**
 * Runs one job: its `if:` over the jobs it needs, `environment:` and `concurrency` recorded,
 * the pre parts of its actions, its steps in order, the post parts in reverse order, and its
 * outputs, which a value holding a secret may not leave (as on GitHub).
 */
export async function runJob(
  run: RunContext,
  planned: PlannedJob,
  byId: Map<string, PlannedJob>,
  results: Map<string, JobResult>,
): Promise<JobResult> {
  const started = Date.now();
  const { job } = planned;
  const id = job.id.value;
  const at = where(run.workflow.file, job.id);
  const state: JobState = {
    id,
    env: { ...run.workflowEnv },
    path: [],
    steps: {},
    needs: Object.fromEntries(
      (job.needs ?? []).map((n) => {
        const r = results.get(n.value);
        return [n.value, { result: r?.result ?? 'skipped', outputs: r?.outputs ?? {} }];
      }),
    ),
    failed: false,
    results: [],
    summary: [],
    deadline: Infinity,
    posts: [],
    preState: new Map(),
  };
  const result: JobResult = {
    id,
    name: job.name ? job.name.toDisplayString() : id,
    result: 'success',
    outputs: {},
    steps: state.results,
    summary: '',
    durationMs: 0,
  };
  const finish = (outcome: Outcome, reason?: string): JobResult => {
    result.result = outcome;
    if (reason) result.reason = run.masker.mask(reason);
    result.summary = state.summary.join('');
    result.durationMs = Date.now() - started;
    run.print(
      `${outcome === 'success' ? '✓' : outcome === 'skipped' ? '-' : '✗'} job ${id} ${outcome} ${(result.durationMs / 1000).toFixed(1)}s${result.reason ? `: ${result.reason}` : ''}`,
    );
    return result;
  };

  const needs = ancestry(planned, byId, results);
  const jobStatus = {
    success: needs.every((r) => r === 'success'),
    failure: needs.some((r) => r === 'failure'),
    cancelled: false,
  };
  try {
    const base = jobScope(run, state, at);
    const scope = { ...base, status: jobStatus };
    if (!condition(job.if.expression, scope))
      return finish('skipped', `if: ${job.if.expression} was false`);
    if (job.name) result.name = evaluateString(job.name, scope) || id;
    if (evaluateString(planned.continueOnError, scope) === 'true') result.continueOnError = true;
    run.print(`▶ job ${id}${result.name !== id ? ` (${result.name})` : ''}`);
    const environment = environmentTokens(job.environment);
    const envName = evaluateString(environment.name, scope);
    if (envName) {
      result.environment = { name: envName };
      run.print(`  environment: ${envName}`);
    }
    const concurrency = evaluateValue(job.concurrency, scope);
    const group =
      typeof concurrency === 'string'
        ? concurrency
        : (concurrency as { group?: unknown } | undefined)?.group;
    if (typeof group === 'string' && group) {
      result.concurrency = group;
      run.print(`  concurrency: ${group} (recorded; local jobs run one at a time)`);
    }
    Object.assign(state.env, evaluateMap(job.env, scope));
    const jobMinutes = planned.timeoutMinutes
      ? Number(evaluateValue(planned.timeoutMinutes, scope))
      : DEFAULT_TIMEOUT_MINUTES;
    state.deadline = started + jobMinutes * 60_000;
    const defaults = {
      shell: planned.shell ? evaluateString(planned.shell, scope) : undefined,
      workingDirectory: planned.workingDirectory
        ? evaluateString(planned.workingDirectory, scope)
        : undefined,
    };

    for (const step of planned.steps) await runActionHook(run, state, step, 'pre');
    for (const step of planned.steps) await runMainStep(run, state, step, defaults);
    for (const post of [...state.posts].reverse())
      await runActionHook(run, state, post.planned, 'post', post);

    const after = jobScope(run, state, at);
    for (const [name, value] of Object.entries(evaluateMap(job.outputs, after))) {
      if (run.masker.reveals(value)) {
        run.annotations.push({
          level: 'warning',
          message: `Skip output '${name}' since it may contain secret.`,
          source: id,
        });
        continue;
      }
      result.outputs[name] = value;
    }
    const url = evaluateString(environment.url, after);
    if (result.environment && url) result.environment.url = url;
  } catch (err) {
    state.failed = true;
    return finish('failure', errorMessage(err));
  }
  return finish(state.failed ? 'failure' : 'success');
}
