import { digestOf } from '../fleet/converged.js';
import { perNodeLine } from '../fleet/converged.js';
import { gateTable } from '../gates/gate-rows.js';
import { type Cell, heading, inlineCode, table } from '../github/summary.js';
import { describeQuarantine } from './quarantine-rolled-back.js';
import type { ReplaceFleetResult } from './replace-fleet.js';

const OUTCOME = {
  deployed: '✅ deployed',
  unchanged: '➖ unchanged (already running N/N; nothing restarted)',
  'rolled-back': '❌ rolled back: the fleet is back on the previous digest',
} as const;

const ms = (n: number): string => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n} ms`);

/**
 * Job summary of a replace-fleet (or a rollback through it): the outcome, the gates, the N/N
 * proof row by row and the time of each phase. Images, task ids and reasons come from
 * registries and the engine: text, escaped by table().
 */
export function replaceFleetSummary(r: ReplaceFleetResult, title = 'replace-fleet'): string {
  const facts: Cell[][] = [
    [
      'outcome',
      r.quarantine?.kind === 'not-pulled'
        ? '❌ rolled back: the image could not be pulled (the release never ran); the fleet is back on the previous digest'
        : OUTCOME[r.outcome],
    ],
    ['environment', r.environment],
    ['target', `${r.target} (${r.strategy})`],
    ['requested', inlineCode(r.requestedImage)],
    ['running now', inlineCode(r.deployedImage)],
    ['previous', r.previousImage ? inlineCode(r.previousImage) : '—'],
    ['proof', r.proof.summary],
    ...(perNodeLine(r.proof) ? [['spread', perNodeLine(r.proof)] as Cell[]] : []),
    ...(r.reason ? [['reason', r.reason] as Cell[]] : []),
    ...(r.quarantine
      ? [
          [
            'quarantine',
            `${r.quarantine.kind === 'failed' ? '❌ ' : ''}${describeQuarantine(r.quarantine, digestOf(r.requestedImage) ?? r.requestedImage)}`,
          ] as Cell[],
        ]
      : []),
    ...(r.previewUrl ? [['preview', r.previewUrl] as Cell[]] : []),
    ...(r.warmUntil ? [['old colour warm until', r.warmUntil] as Cell[]] : []),
    [
      'ledger entry',
      inlineCode(`#${r.seq} ${r.ledgerEntry}${r.recorded ? '' : ' (already recorded)'}`),
    ],
    ['duration', ms(r.durationMs)],
  ];
  const tasks = r.proof.tasks.map((t): Cell[] => [
    inlineCode(t.task.slice(0, 12)),
    t.node.slice(0, 12),
    t.digest ? inlineCode(t.digest) : inlineCode(t.image),
    t.state,
    t.health,
    t.ok ? '✅' : `❌ ${t.why ?? ''}`,
  ]);
  return [
    heading(title),
    table(['', ''], facts),
    '',
    heading('Gates', 4),
    r.gates.length ? gateTable(r.gates) : 'none',
    '',
    heading(`Convergence: ${r.proof.healthy}/${r.proof.replicas}`, 4),
    table(['task', 'node', 'digest', 'state', 'health', 'counts'], tasks),
    '',
    heading('Timings', 4),
    table(
      ['phase', 'time'],
      [...r.timings.map((t): Cell[] => [t.phase, ms(t.ms)]), ['total', ms(r.durationMs)]],
    ),
    '',
  ].join('\n');
}
