// What a workflow run produced, shaped like what GitHub shows for a run: jobs, their steps,
// outcomes, outputs, annotations and job summaries. Plain data, so `kiln run --json` prints it.

/** How a step or job ended, in GitHub's words. */
export type Outcome = 'success' | 'failure' | 'skipped' | 'cancelled';

/** The events the runner can make a payload for. */
export type EventName = 'push' | 'pull_request' | 'workflow_dispatch';

/** An `::error`/`::warning`/`::notice` command, or a problem the runner itself reports. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
  /** `job/step` that raised it */
  source: string;
}

/** One step of a job, including the `pre`/`post` parts of an action (phase says which). */
export interface StepResult {
  /** the step id (generated as GitHub does, `__run`, `__self`, …, when the workflow gives none) */
  id: string;
  name: string;
  phase: 'pre' | 'main' | 'post';
  /** the result before continue-on-error */
  outcome: Outcome;
  /** the result after continue-on-error: what `steps.<id>.conclusion` and the job see */
  conclusion: Outcome;
  outputs: Record<string, string>;
  /** why it failed or was skipped, in one line */
  reason?: string;
  exitCode?: number;
  durationMs: number;
}

/** One job: its steps in the order they ran, and what `needs.<id>` shows to later jobs. */
export interface JobResult {
  id: string;
  name: string;
  result: Outcome;
  outputs: Record<string, string>;
  steps: StepResult[];
  /** `environment:` name (and url), as the job would report a deployment */
  environment?: { name: string; url?: string };
  /** the evaluated `concurrency` group; local runs are sequential, so it is recorded only */
  concurrency?: string;
  /** what GitHub would show in the job's summary tab: every step's GITHUB_STEP_SUMMARY, in order */
  summary: string;
  reason?: string;
  /** `continue-on-error: true`: a failure of this job does not fail the run */
  continueOnError?: boolean;
  durationMs: number;
}

/** A whole run of one workflow file. */
export interface RunResult {
  workflow: string;
  file: string;
  event: EventName;
  conclusion: 'success' | 'failure';
  jobs: JobResult[];
  annotations: Annotation[];
  /** notes the runner itself gives: what it did differently from a hosted runner, and why */
  notes: string[];
  durationMs: number;
}
