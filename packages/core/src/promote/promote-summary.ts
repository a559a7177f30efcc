import { gateTable } from '../gates/gate-rows.js';
import type { GateResult } from '../gates/gate-result.js';
import { markdownText } from '../github/escape.js';
import { inlineCode, table } from '../github/summary.js';
import type { PromoteResult } from './promote.js';

/** Referrers listed one per row in the summary; the rest are counted. */
export const SUMMARY_REFERRERS_MAX = 50;

/**
 * Job summary of a promotion: the gates with their evidence, what the copy moved, the
 * referrers that came with it, the read-back, and the ledger entry. Registry text is escaped.
 */
export function promoteSummary(r: PromoteResult): string {
  const c = r.copy;
  const referrers = c.referrers ?? [];
  const e = r.ledger.entry;
  const parts = [
    `### promote: ✅ ${r.from ?? 'image'} → ${r.to}`,
    table(
      ['', ''],
      [
        ['image', inlineCode(r.image)],
        ['from', inlineCode(r.source)],
        ['digest', inlineCode(r.digest)],
        ['read back', r.readBack.digest === r.digest ? 'target digest equals source digest' : ''],
      ],
    ),
    '',
    '#### Gates',
    gateTable(r.gates),
    '',
    '#### Copy',
    table(
      ['blobs', 'copied bytes', 'mounted', 'already there', 'manifests', 'referrers'],
      [[c.blobs, c.copiedBytes, c.mountedBlobs, c.skippedBlobs, c.manifests, referrers.length]],
    ),
    '',
  ];
  if (referrers.length) {
    parts.push(
      table(
        ['referrer', 'type', 'subject'],
        referrers
          .slice(0, SUMMARY_REFERRERS_MAX)
          .map((x) => [inlineCode(x.digest), x.artifactType ?? '', inlineCode(x.subject)]),
      ),
      '',
    );
    if (referrers.length > SUMMARY_REFERRERS_MAX)
      parts.push(`and ${referrers.length - SUMMARY_REFERRERS_MAX} more referrers`, '');
  }
  if (r.readBack.validated) parts.push('At the target:', gateTable([r.readBack.validated]), '');
  parts.push(
    '#### Ledger',
    table(
      ['environment', 'seq', 'action', 'outcome', 'from', 'entry', 'repository'],
      [
        [
          e.entry.env,
          e.entry.seq,
          e.entry.action,
          e.entry.outcome,
          e.entry.from ?? '',
          inlineCode(e.digest),
          inlineCode(r.ledger.repository),
        ],
      ],
    ),
    '',
  );
  return parts.join('\n');
}

/** Job summary of a refused promotion: the gates, and that nothing was copied or recorded. */
export function promoteRefusedSummary(what: string, gates: readonly GateResult[]): string {
  return [
    `### promote: ❌ refused`,
    `${markdownText(what)}: nothing was copied and nothing was recorded.`,
    '',
    gateTable(gates),
    '',
  ].join('\n');
}
