// The local workflow runner. The parser and the runner itself load on first use, so importing
// @kiln/local (the environment, the tests) does not load GitHub's workflow parser.
import type { RunOptions } from './options.js';
import type { RunResult } from './types.js';

export type { RunOptions } from './options.js';
export type { RepositoryFacts } from './event.js';
export type * from './types.js';

/** Runs a workflow file on this machine as a hosted runner would (see run-workflow.ts). */
export async function runWorkflow(options: RunOptions): Promise<RunResult> {
  return (await import('./run-workflow.js')).runWorkflow(options);
}

/** The run as text: one line per job and step, then annotations (the log is printed as it runs). */
export async function runReport(result: RunResult): Promise<string> {
  return (await import('./report.js')).runReport(result);
}
