import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '@kiln/core/errors';
import { parseKeyValueFile, parsePathFile, readCommandFile } from './file-commands.js';
import { runProcess } from './process.js';
import type { JobState, RunContext } from './run-context.js';
import type { Annotation } from './types.js';
import { CommandReader } from './workflow-commands.js';

/**
 * One step's process, run as a hosted runner runs it: fresh command files, the job's
 * environment with the runner's GITHUB_* / RUNNER_* variables set last (a step cannot
 * override them), output lines read for workflow commands and printed masked, and the command
 * files read back when it ends.
 */

/** What a step's process left behind. */
export interface StepEffects {
  code: number;
  timedOut: boolean;
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  path: string[];
  summary: string;
  annotations: Annotation[];
  /** why the step failed though its process may have exited 0 (bad command files, disabled commands) */
  failures: string[];
}

/** Variables GITHUB_ENV may not set: NODE_OPTIONS would run code in every later node step. */
const BLOCKED_ENV = new Set(['NODE_OPTIONS']);

/** Where a step's command files are. */
interface CommandFiles {
  GITHUB_OUTPUT: string;
  GITHUB_ENV: string;
  GITHUB_PATH: string;
  GITHUB_STATE: string;
  GITHUB_STEP_SUMMARY: string;
}

function commandFiles(run: RunContext): CommandFiles {
  const dir = join(run.temp, 'file-commands', randomUUID());
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '', { flag: 'wx', mode: 0o600 });
  return files;
}

/** The variables a hosted runner sets for every step. */
function runnerEnv(run: RunContext, job: JobState, stepId: string): Record<string, string> {
  const g = run.github;
  const s = (k: string): string => String(g[k] ?? '');
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: run.workspace,
    GITHUB_EVENT_NAME: s('event_name'),
    GITHUB_EVENT_PATH: run.eventPath,
    GITHUB_SHA: s('sha'),
    GITHUB_REF: s('ref'),
    GITHUB_REF_NAME: s('ref_name'),
    GITHUB_REF_TYPE: s('ref_type'),
    GITHUB_HEAD_REF: s('head_ref'),
    GITHUB_BASE_REF: s('base_ref'),
    GITHUB_REPOSITORY: s('repository'),
    GITHUB_REPOSITORY_OWNER: s('repository_owner'),
    GITHUB_ACTOR: s('actor'),
    GITHUB_TRIGGERING_ACTOR: s('triggering_actor'),
    GITHUB_WORKFLOW: s('workflow'),
    GITHUB_WORKFLOW_REF: s('workflow_ref'),
    GITHUB_JOB: job.id,
    GITHUB_RUN_ID: s('run_id'),
    GITHUB_RUN_NUMBER: s('run_number'),
    GITHUB_RUN_ATTEMPT: s('run_attempt'),
    GITHUB_SERVER_URL: s('server_url'),
    GITHUB_API_URL: s('api_url'),
    GITHUB_GRAPHQL_URL: s('graphql_url'),
    GITHUB_RETENTION_DAYS: s('retention_days'),
    GITHUB_ACTION: stepId,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
    RUNNER_NAME: 'kiln-local',
    RUNNER_ENVIRONMENT: 'self-hosted',
    RUNNER_TEMP: join(run.temp, 'runner-temp'),
    RUNNER_TOOL_CACHE: join(run.temp, 'tool-cache'),
    ...(run.debug ? { RUNNER_DEBUG: '1' } : {}),
  };
}

/** Reads back one command file; a malformed one fails the step, naming the file. */
function readBack<T>(
  path: string,
  what: string,
  parse: (text: string) => T,
  failures: string[],
  empty: T,
): T {
  try {
    return parse(readCommandFile(path, what));
  } catch (err) {
    failures.push(errorMessage(err));
    return empty;
  }
}

/** Runs `file args` as step `stepId` of `job`, with `env` (the step's full env) and `extra` vars. */
export async function runStepProcess(
  run: RunContext,
  job: JobState,
  stepId: string,
  source: string,
  command: { file: string; args: string[]; cwd: string; timeoutMs?: number },
  env: Record<string, string>,
  extra: Record<string, string> = {},
): Promise<StepEffects> {
  const files = commandFiles(run);
  const childEnv: Record<string, string> = {
    ...run.hostEnv,
    ...env,
    ...extra,
    ...runnerEnv(run, job, stepId),
    ...files,
    PATH: [...job.path, env.PATH ?? run.hostEnv.PATH ?? ''].filter((p) => p !== '').join(':'),
  };
  const reader = new CommandReader(run.masker, source, run.debug);
  const exit = await runProcess(
    command.file,
    command.args,
    {
      cwd: command.cwd,
      env: childEnv,
      ...(command.timeoutMs !== undefined ? { timeoutMs: command.timeoutMs } : {}),
    },
    (line) => {
      const shown = reader.line(line);
      if (shown !== undefined) run.print(`    ${shown}`);
    },
  );
  const failures = [...reader.effects.failures];
  if (exit.spawnError) failures.push(`cannot start ${command.file}: ${exit.spawnError}`);
  const outputs = {
    ...reader.effects.outputs,
    ...Object.fromEntries(
      readBack(
        files.GITHUB_OUTPUT,
        'GITHUB_OUTPUT',
        (t) => parseKeyValueFile(t, 'GITHUB_OUTPUT'),
        failures,
        [],
      ),
    ),
  };
  const state = {
    ...reader.effects.state,
    ...Object.fromEntries(
      readBack(
        files.GITHUB_STATE,
        'GITHUB_STATE',
        (t) => parseKeyValueFile(t, 'GITHUB_STATE'),
        failures,
        [],
      ),
    ),
  };
  const annotations = [...reader.effects.annotations];
  const newEnv: Record<string, string> = {};
  for (const [k, v] of readBack(
    files.GITHUB_ENV,
    'GITHUB_ENV',
    (t) => parseKeyValueFile(t, 'GITHUB_ENV'),
    failures,
    [],
  )) {
    if (BLOCKED_ENV.has(k.toUpperCase()))
      annotations.push({
        level: 'warning',
        message: `Can't store ${k} using '$GITHUB_ENV' command.`,
        source,
      });
    else newEnv[k] = v;
  }
  return {
    code: exit.code,
    timedOut: exit.timedOut,
    outputs,
    state,
    env: newEnv,
    path: readBack(files.GITHUB_PATH, 'GITHUB_PATH', parsePathFile, failures, []),
    summary: readBack(files.GITHUB_STEP_SUMMARY, 'GITHUB_STEP_SUMMARY', (t) => t, failures, ''),
    annotations,
    failures,
  };
}
