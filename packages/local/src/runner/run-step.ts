import { randomUUID } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigurationError, errorMessage } from '@kiln/core/errors';
import type { LocalAction } from './action.js';
import {
  condition,
  evaluateMap,
  evaluateString,
  evaluateValue,
  type Scope,
} from './expressions.js';
import { stepTitle, type PlannedStep } from './load-workflow.js';
import { jobScope, type JobState, type RunContext } from './run-context.js';
import { runStepProcess, type StepEffects } from './step-process.js';
import type { Outcome, StepResult } from './types.js';

/** GitHub's default for a step or job without timeout-minutes: six hours. */
export const DEFAULT_TIMEOUT_MINUTES = 360;

/** `shell:` unset runs `bash -e {0}`; `shell: bash` adds pipefail and skips the profiles (GitHub's templates). */
const BASH_DEFAULT = ['-e'];
const BASH_EXPLICIT = ['--noprofile', '--norc', '-eo', 'pipefail'];

/** The name GitHub shows for an input's variable: `INPUT_` + upper case, spaces to `_`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function minutes(token: PlannedStep['timeoutMinutes'], scope: Scope, what: string): number {
  if (!token) return DEFAULT_TIMEOUT_MINUTES;
  const v = Number(evaluateValue(token, scope));
  if (!Number.isFinite(v) || v <= 0)
    throw new ConfigurationError(`${scope.file}: ${what} must be a positive number of minutes`);
  return v;
}

/** The inputs an action receives: `with:` values, else the action.yml defaults (evaluated). */
function actionInputs(
  run: RunContext,
  action: LocalAction,
  given: Record<string, string>,
  scope: Scope,
  source: string,
  warn = true,
): Record<string, string> {
  const declared = new Set(action.inputs.map((i) => i.id));
  const unexpected = Object.keys(given).filter((k) => !declared.has(k));
  // Warned once, by the main part (pre runs with the same inputs).
  if (unexpected.length && warn)
    run.annotations.push({
      level: 'warning',
      message: `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${[...declared].join("', '")}']`,
      source,
    });
  const values: Record<string, string> = { ...given };
  for (const input of action.inputs)
    if (!Object.hasOwn(given, input.id))
      values[input.id] = evaluateString(input.default, { ...scope, file: action.file });
  return values;
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));
}

function stateEnv(state: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
}

/** What the job learns from a step that ran: env and path for later steps, the summary, annotations. */
function absorb(run: RunContext, job: JobState, effects: StepEffects): void {
  Object.assign(job.env, effects.env);
  job.path.unshift(...[...effects.path].reverse());
  if (effects.summary) {
    const text = run.masker.mask(effects.summary);
    job.summary.push(text.endsWith('\n') ? text : `${text}\n`);
  }
  run.annotations.push(...effects.annotations);
}

/** A step's outcome from its process: failed on a non-zero exit, a timeout or a command failure. */
function outcomeOf(
  effects: StepEffects,
  timeoutMinutes: number,
): { outcome: Outcome; reason?: string } {
  if (effects.timedOut)
    return {
      outcome: 'failure',
      reason: `The action has timed out after ${timeoutMinutes} minutes.`,
    };
  if (effects.failures.length) return { outcome: 'failure', reason: effects.failures.join('; ') };
  if (effects.code !== 0)
    return { outcome: 'failure', reason: `Process completed with exit code ${effects.code}.` };
  return { outcome: 'success' };
}

function remainingMs(job: JobState, stepMinutes: number): number {
  return Math.max(0, Math.min(stepMinutes * 60_000, job.deadline - Date.now()));
}

/** Writes a run: script to a file of its own: the script text never becomes a command line. */
function scriptFile(run: RunContext, script: string): string {
  const path = join(run.temp, 'runner-temp', `${randomUUID()}.sh`);
  writeFileSync(path, script, { flag: 'wx', mode: 0o700 });
  return path;
}

function workingDirectory(run: RunContext, dir: string, file: string): string {
  const path = resolve(run.workspace, dir);
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new ConfigurationError(`${file}: working-directory ${dir} is not a directory`);
  return path;
}

function record(run: RunContext, job: JobState, result: StepResult, started: number): StepResult {
  result.durationMs = Date.now() - started;
  // The steps context keeps the values; what the run returns (and --json prints) is masked.
  result.outputs = Object.fromEntries(
    Object.entries(result.outputs).map(([k, v]) => [k, run.masker.mask(v)]),
  );
  if (result.reason) result.reason = run.masker.mask(result.reason);
  job.results.push(result);
  const mark = result.outcome === 'success' ? '✓' : result.outcome === 'skipped' ? '-' : '✗';
  const tail =
    result.outcome === 'failure' && result.conclusion === 'success' ? ' (continue-on-error)' : '';
  run.print(
    `  ${mark} ${result.name} ${result.outcome}${tail} ${(result.durationMs / 1000).toFixed(1)}s${result.reason ? `: ${result.reason}` : ''}`,
  );
  if (result.outcome === 'failure' && result.reason)
    run.annotations.push({
      level: 'error',
      message: result.reason,
      source: `${job.id}/${result.id}`,
    });
  return result;
}

/** Runs the main part of one step, from its `if:` to its outputs. */
export async function runMainStep(
  run: RunContext,
  job: JobState,
  planned: PlannedStep,
  defaults: { shell?: string; workingDirectory?: string },
): Promise<StepResult> {
  const started = Date.now();
  const { step } = planned;
  const file = planned.at;
  const source = `${job.id}/${step.id}`;
  const result: StepResult = {
    id: step.id,
    name: stepTitle(step, planned.index),
    phase: 'main',
    outcome: 'success',
    conclusion: 'success',
    outputs: {},
    durationMs: 0,
  };
  let continueOnError = false;
  const finish = (outcome: Outcome, reason?: string): StepResult => {
    result.outcome = outcome;
    result.conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome;
    if (reason) result.reason = reason;
    job.steps[step.id] = {
      outputs: { ...result.outputs },
      outcome: result.outcome,
      conclusion: result.conclusion,
    };
    if (result.conclusion === 'failure') job.failed = true;
    return record(run, job, result, started);
  };
  try {
    const jobLevel = jobScope(run, job, file);
    if (!condition(step.if.expression, jobLevel))
      return finish('skipped', `if: ${step.if.expression} was false`);
    const stepEnv = { ...job.env, ...evaluateMap(step.env, jobLevel) };
    const scope = jobScope(run, job, file, stepEnv);
    // As on a hosted runner, the name (like if:) sees the job's env, not the step's own.
    if (step.name) result.name = evaluateString(step.name, jobLevel) || result.name;
    const coe = step['continue-on-error'];
    continueOnError =
      typeof coe === 'boolean' ? coe : coe ? evaluateString(coe, scope) === 'true' : false;
    const timeout = minutes(planned.timeoutMinutes, scope, 'timeout-minutes');
    run.print(`  ▶ ${result.name}`);
    const what = planned.what;
    if (what.kind === 'checkout') {
      const given = evaluateMap(planned.with, scope);
      for (const key of ['repository', 'path', 'ref'])
        if (given[key])
          throw new ConfigurationError(
            `${planned.label}: actions/checkout with ${key}: is not supported by the local runner (it runs on the working tree)`,
          );
      run.print(
        `    (actions/checkout: the local runner uses the working tree ${run.workspace} as it is)`,
      );
      return finish('success');
    }
    let effects: StepEffects;
    if (what.kind === 'run' && 'run' in step) {
      const script = evaluateString(step.run, scope);
      const shell = planned.shell ? evaluateString(planned.shell, scope) : defaults.shell;
      if (shell !== undefined && shell !== 'bash')
        throw new ConfigurationError(
          `${planned.label}: shell: ${shell}: the local runner runs bash steps only`,
        );
      const wd = planned.workingDirectory
        ? evaluateString(planned.workingDirectory, scope)
        : defaults.workingDirectory;
      effects = await runStepProcess(
        run,
        job,
        step.id,
        source,
        {
          file: 'bash',
          args: [...(shell === 'bash' ? BASH_EXPLICIT : BASH_DEFAULT), scriptFile(run, script)],
          cwd: wd ? workingDirectory(run, wd, planned.label) : run.workspace,
          timeoutMs: remainingMs(job, timeout),
        },
        stepEnv,
      );
    } else if (what.kind === 'action') {
      const inputs = actionInputs(
        run,
        what.action,
        evaluateMap(planned.with, scope),
        scope,
        source,
      );
      const state = job.preState.get(planned) ?? {};
      effects = await runStepProcess(
        run,
        job,
        step.id,
        source,
        {
          file: process.execPath,
          args: [what.action.main],
          cwd: run.workspace,
          timeoutMs: remainingMs(job, timeout),
        },
        stepEnv,
        { ...inputEnv(inputs), ...stateEnv(state), GITHUB_ACTION_PATH: what.action.dir },
      );
      if (what.action.post)
        job.posts.push({ planned, inputs, state: { ...state, ...effects.state } });
    } else {
      throw new ConfigurationError(`${planned.label}: nothing to run`);
    }
    absorb(run, job, effects);
    result.outputs = effects.outputs;
    const { outcome, reason } = outcomeOf(effects, timeout);
    if (effects.code !== 0) result.exitCode = effects.code;
    return finish(outcome, reason);
  } catch (err) {
    return finish('failure', errorMessage(err));
  }
}

/** Runs the `pre` or `post` part of an action step, under its `pre-if` / `post-if`. */
export async function runActionHook(
  run: RunContext,
  job: JobState,
  planned: PlannedStep,
  phase: 'pre' | 'post',
  given?: { inputs: Record<string, string>; state: Record<string, string> },
): Promise<StepResult | undefined> {
  if (planned.what.kind !== 'action') return undefined;
  const action = planned.what.action;
  const entry = phase === 'pre' ? action.pre : action.post;
  if (!entry) return undefined;
  const started = Date.now();
  const { step } = planned;
  const file = planned.at;
  const title = stepTitle(step, planned.index);
  const result: StepResult = {
    id: step.id,
    name: `${phase === 'pre' ? 'Pre' : 'Post'} ${title}`,
    phase,
    outcome: 'success',
    conclusion: 'success',
    outputs: {},
    durationMs: 0,
  };
  const finish = (outcome: Outcome, reason?: string): StepResult => {
    result.outcome = outcome;
    result.conclusion = outcome;
    if (reason) result.reason = reason;
    if (outcome === 'failure') job.failed = true;
    return record(run, job, result, started);
  };
  try {
    const jobLevel = jobScope(run, job, file);
    const cond = phase === 'pre' ? action.preIf : action.postIf;
    if (!condition(cond, { ...jobLevel, file: action.file }))
      return finish('skipped', `${phase}-if: ${cond} was false`);
    const stepEnv = { ...job.env, ...evaluateMap(step.env, jobLevel) };
    const scope = jobScope(run, job, file, stepEnv);
    const inputs =
      given?.inputs ??
      actionInputs(
        run,
        action,
        evaluateMap(planned.with, scope),
        scope,
        `${job.id}/${step.id}`,
        false,
      );
    run.print(`  ▶ ${result.name}`);
    const effects = await runStepProcess(
      run,
      job,
      step.id,
      `${job.id}/${step.id}`,
      {
        file: process.execPath,
        args: [entry],
        cwd: run.workspace,
        timeoutMs: remainingMs(job, DEFAULT_TIMEOUT_MINUTES),
      },
      stepEnv,
      { ...inputEnv(inputs), ...stateEnv(given?.state ?? {}), GITHUB_ACTION_PATH: action.dir },
    );
    absorb(run, job, effects);
    if (phase === 'pre') job.preState.set(planned, effects.state);
    const { outcome, reason } = outcomeOf(effects, DEFAULT_TIMEOUT_MINUTES);
    if (effects.code !== 0) result.exitCode = effects.code;
    return finish(outcome, reason);
  } catch (err) {
    return finish('failure', errorMessage(err));
  }
}
