import { shortDigest } from '../fleet/converged.js';
import type { EnvironmentStatus } from './status.js';

/** Shown in the digest column of an environment no deploy has reached. */
export const NOT_DEPLOYED = 'not deployed';

const COLUMNS = ['ENVIRONMENT', 'DIGEST', 'HEALTHY', 'SINCE', 'LEDGER HEAD', 'LAST KNOWN-GOOD'];

/** `3h 5m ago`: the two largest units, enough to see a soak at a glance. */
export function age(from: Date, now: Date): string {
  let s = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 1000));
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (s >= size || (unit === 's' && parts.length === 0)) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
    if (parts.length === 2) break;
  }
  return `${parts.join(' ')} ago`;
}

function healthy(r: EnvironmentStatus): string {
  if (r.fleetError !== undefined) return 'unknown';
  if (!r.fleet) return '-';
  if (!r.fleet.exists) return 'no fleet';
  return `${r.fleet.healthy}/${r.fleet.replicas}${r.fleet.converged ? '' : ' !'}`;
}

/** The cells of one row, as plain text (the CLI prints them through the logger's safe write). */
export function statusCells(r: EnvironmentStatus, now: Date): string[] {
  return [
    r.environment,
    r.digest ? shortDigest(r.digest) : NOT_DEPLOYED,
    healthy(r),
    r.since ? `${r.since.replace(/\.\d+Z$/, 'Z')} (${age(new Date(r.since), now)})` : '-',
    r.head ? `#${r.head.seq} ${r.head.action}/${r.head.outcome} ${shortDigest(r.head.entry)}` : '-',
    r.lastKnownGood ? `${shortDigest(r.lastKnownGood.digest)} (#${r.lastKnownGood.seq})` : '-',
  ];
}

/** Why a row is not N/N on the ledger's digest, one line each, for under the table. */
export function statusNotes(r: EnvironmentStatus): string[] {
  const notes: string[] = [];
  if (r.fleetError !== undefined)
    notes.push(`fleet ${r.target} could not be read: ${r.fleetError}`);
  const f = r.fleet;
  if (f?.exists && r.digest && f.running.some((d) => d !== r.digest))
    notes.push(
      `fleet ${r.target} runs ${f.running.map(shortDigest).join(', ')}, not only the ledger's ${shortDigest(r.digest)}`,
    );
  if (f?.exists && !r.digest && f.digest)
    notes.push(`fleet ${r.target} runs ${shortDigest(f.digest)}, which no ledger entry records`);
  if (f && !f.exists && r.digest)
    notes.push(
      `fleet ${r.target} does not exist, though the ledger says ${shortDigest(r.digest)} runs`,
    );
  if (f?.exists && !f.converged) notes.push(...f.problems.map((p) => `${r.target}: ${p}`));
  return notes.map((n) => `${r.environment}: ${n}`);
}

/** The environments table with notes under it. */
export function formatStatus(rows: EnvironmentStatus[], now: Date = new Date()): string {
  const table = [COLUMNS, ...rows.map((r) => statusCells(r, now))];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((cells) => (cells[i] ?? '').length)));
  const lines = table.map((cells) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  const notes = rows.flatMap(statusNotes);
  return [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
}
