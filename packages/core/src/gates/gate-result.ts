import { ConfigurationError } from '../errors.js';

/** One gate's verdict: what was checked, whether it passed, why, and what proves it. */
export interface GateResult {
  /** Stable name, e.g. `validated`, `healthy`, `min-soak` (also what `skipGates` lists). */
  gate: string;
  status: 'pass' | 'fail' | 'skip';
  /** One line a person can act on: what was found, or what is missing. */
  reason: string;
  /** What the verdict rests on: a digest (evidence artifact, ledger entry) or a location. */
  evidence?: string;
}

/** A gate that was not asked for, shown in the table so nobody thinks it passed. */
export function skipped(gate: string, reason: string): GateResult {
  return { gate, status: 'skip', reason };
}

/** One log line per gate: `gate validated: pass: … (evidence sha256:…)`. */
export function gateLine(r: GateResult): string {
  return `gate ${r.gate}: ${r.status}: ${r.reason}${r.evidence ? ` (evidence ${r.evidence})` : ''}`;
}

/**
 * Runs every check in order, even after a failure, so the log and the summary show each gate's
 * verdict at once rather than one refusal per run. A check that throws is an operational
 * failure (the registry could not answer), not a failed gate: it propagates.
 */
export async function runGates(
  checks: Array<() => Promise<GateResult>>,
  opts: { log?: (line: string) => void } = {},
): Promise<{ passed: boolean; results: GateResult[] }> {
  const results: GateResult[] = [];
  for (const check of checks) {
    const r = await check();
    results.push(r);
    opts.log?.(gateLine(r));
  }
  return { passed: results.every((r) => r.status !== 'fail'), results };
}

/**
 * A digest refused by one or more gates: the user's to fix (exit 1). Nothing was copied,
 * deployed or recorded. The message names each failed gate and why.
 */
export class GateRefusedError extends ConfigurationError {
  readonly results: GateResult[];
  /** What was refused, e.g. `promote of repo@sha256:… to production`. */
  readonly what: string;

  constructor(results: GateResult[], what = 'refused') {
    const failed = results.filter((r) => r.status === 'fail');
    super(
      `${what}: ${failed.map((r) => `gate ${r.gate} failed: ${r.reason}`).join('; ') || 'no gate failed'}`,
    );
    this.results = results;
    this.what = what;
  }
}

/** Throws GateRefusedError unless every gate passed or was skipped. */
export function assertGatesPassed(
  outcome: { passed: boolean; results: GateResult[] },
  what: string,
): void {
  if (!outcome.passed) throw new GateRefusedError(outcome.results, what);
}
