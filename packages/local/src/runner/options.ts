import type { RepositoryFacts } from './event.js';
import type { EventName } from './types.js';

/** What `runWorkflow` is asked to run, and how. */
export interface RunOptions {
  /** the workflow file, relative to the workspace or absolute */
  workflow: string;
  /** the working tree the workflow runs on (GITHUB_WORKSPACE); default the current folder */
  workspace?: string;
  /** default: the first of push, pull_request, workflow_dispatch the workflow runs on */
  event?: EventName;
  /** workflow_dispatch inputs, as strings (`--input k=v`) */
  inputs?: Record<string, string>;
  /** the `vars` context */
  vars?: Record<string, string>;
  /** the `secrets` context; every value is masked in the log and kept out of job outputs */
  secrets?: Record<string, string>;
  /** commit, branch, repository and URLs, where the working tree should not decide */
  repository?: Partial<RepositoryFacts>;
  /** the environment steps inherit (default process.env, without GITHUB_*, RUNNER_*, INPUT_*, STATE_*) */
  env?: NodeJS.ProcessEnv;
  /** each line of the runner's log, masked; default stderr */
  log?: (line: string) => void;
  /** show `::debug::` lines and set RUNNER_DEBUG */
  debug?: boolean;
  runId?: string | number;
  /** parent of the run's private temporary folder */
  tempDir?: string;
}
