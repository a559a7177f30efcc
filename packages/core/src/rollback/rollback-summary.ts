import { describeQuarantine } from '../deploy/quarantine-rolled-back.js';
import { gateTable } from '../gates/gate-rows.js';
import { type Cell, heading, inlineCode, table } from '../github/summary.js';
import type { RollbackResult } from './rollback.js';

const OUTCOME = {
  deployed: '✅ rolled back',
  unchanged: '✅ already running (the ledger now says so)',
  'rolled-back': '❌ the target did not come up: the fleet is back on the release rolled back from',
} as const;

/**
 * Job summary for rollback: from what to what, why, how the target was chosen, which path the
 * fleet took, the quarantine, the gates and the N/N proof. The reason, the ledger's lines and
 * the engine's task names are text (escaped by table()).
 */
export function rollbackSummary(r: RollbackResult): string {
  const q = r.quarantine;
  const rows: Cell[][] = [
    ['environment', r.environment],
    ['outcome', OUTCOME[r.outcome]],
    ['rolled back from', inlineCode(r.from)],
    ['rolled back to', inlineCode(r.to)],
    ['target chosen by', r.target.how],
    ['path', r.path.line.replace(/^rollback path: /, '')],
    ['reason', r.reason],
    [
      'quarantine',
      q.kind === 'off'
        ? 'off (input quarantine: false)'
        : `${q.kind === 'failed' ? '❌ ' : ''}${describeQuarantine(q, r.fromDigest)}`,
    ],
    ['fleet', `${r.deploy.target} (${r.deploy.strategy}): ${r.deploy.proof.summary}`],
    ['ledger entry', inlineCode(`#${r.deploy.seq} ${r.deploy.ledgerEntry}`)],
    ['duration', `${(r.durationMs / 1000).toFixed(1)} s`],
  ];
  const tasks = r.deploy.proof.tasks.map((t) => [
    t.task.slice(0, 12),
    t.node.slice(0, 12),
    t.digest ? inlineCode(t.digest) : t.image,
    t.state,
    t.health,
    t.ok ? '✅' : `❌ ${t.why ?? ''}`,
  ]);
  return [
    heading(`rollback of ${r.environment}`),
    table(['', ''], rows),
    '',
    '#### Gates',
    gateTable(r.gates),
    '',
    heading(`Fleet: ${r.deploy.proof.healthy}/${r.deploy.proof.replicas} healthy`, 4),
    table(['task', 'node', 'digest', 'state', 'health', 'counts'], tasks),
    '',
  ].join('\n');
}
