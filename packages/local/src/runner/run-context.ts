import type { Scope, Status } from './expressions.js';
import type { LoadedWorkflow, PlannedStep } from './load-workflow.js';
import type { Masker } from './masker.js';
import type { Annotation, StepResult } from './types.js';

/** What every job of one run shares. */
export interface RunContext {
  workflow: LoadedWorkflow;
  workspace: string;
  /** the run's private temporary folder (RUNNER_TEMP and the command files live under it) */
  temp: string;
  eventPath: string;
  /** the `github` context without the job- and step-specific fields */
  github: Record<string, unknown>;
  inputs: Record<string, unknown>;
  vars: Record<string, string>;
  secrets: Record<string, string>;
  workflowEnv: Record<string, string>;
  /** the runner's own environment, without what a hosted runner sets for each step */
  hostEnv: Record<string, string>;
  masker: Masker;
  annotations: Annotation[];
  notes: string[];
  debug: boolean;
  /** one line of the runner's log, masked before it is written */
  print: (line: string) => void;
}

/** What one job accumulates while its steps run. */
export interface JobState {
  id: string;
  /** workflow env, then job env, then what steps wrote to GITHUB_ENV */
  env: Record<string, string>;
  /** folders steps added with GITHUB_PATH, newest first */
  path: string[];
  steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }>;
  needs: Record<string, { result: string; outputs: Record<string, string> }>;
  failed: boolean;
  results: StepResult[];
  summary: string[];
  /** ms since the epoch when the job's timeout-minutes runs out */
  deadline: number;
  /** action steps whose main part ran, for their post parts (state from pre and main) */
  posts: Array<{
    planned: PlannedStep;
    inputs: Record<string, string>;
    state: Record<string, string>;
  }>;
  /** state saved by each action step's pre part, handed to its main part */
  preState: Map<PlannedStep, Record<string, string>>;
}

/** The runner context for expressions evaluated in a job (after its env is known). */
export function jobScope(
  run: RunContext,
  job: JobState,
  file: string,
  env: Record<string, string> = job.env,
  extra: Record<string, unknown> = {},
): Scope {
  const status: Status = { success: !job.failed, failure: job.failed, cancelled: false };
  return {
    file,
    status,
    contexts: {
      github: { ...run.github, job: job.id, ...extra },
      inputs: run.inputs,
      vars: run.vars,
      secrets: run.secrets,
      needs: job.needs,
      steps: job.steps,
      env,
      job: { status: job.failed ? 'failure' : 'success', container: {}, services: {} },
      runner: {
        os: 'Linux',
        arch: process.arch === 'arm64' ? 'ARM64' : 'X64',
        name: 'kiln-local',
        environment: 'self-hosted',
        temp: `${run.temp}/runner-temp`,
        tool_cache: `${run.temp}/tool-cache`,
        debug: run.debug ? '1' : '',
      },
      strategy: {},
      matrix: {},
    },
  };
}
