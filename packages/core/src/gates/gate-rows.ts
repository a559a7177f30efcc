import { type Cell, inlineCode, table } from '../github/summary.js';
import type { GateResult } from './gate-result.js';

const ICON = { pass: '✅ pass', fail: '❌ fail', skip: '➖ skip' } as const;

/** Column headers of gateRows. */
export const GATE_HEADERS = ['gate', 'result', 'reason', 'evidence'] as const;

/** Rows for a job-summary table; reasons quote registry content, so they stay text (escaped). */
export function gateRows(results: readonly GateResult[]): Cell[][] {
  return results.map((r) => [
    r.gate,
    ICON[r.status],
    r.reason,
    r.evidence ? inlineCode(r.evidence) : '',
  ]);
}

/** The gates as one markdown table. */
export function gateTable(results: readonly GateResult[]): string {
  return table(GATE_HEADERS, gateRows(results));
}
