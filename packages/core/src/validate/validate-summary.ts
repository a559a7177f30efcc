import { relative } from 'node:path';
import type { CheckAnnotation } from '../github/check-run.js';
import { type Cell, code, inlineCode, table } from '../github/summary.js';
import type { ValidateResult } from './validate-image.js';

const ICON = { pass: '✅ pass', fail: '❌ fail', skip: '➖ skip' } as const;

/**
 * Job summary and check-run text: every rule with its verdict, the smoke run, the evidence.
 * Rule messages quote the image (labels, USER, paths) and the smoke reason its output: they
 * are text, escaped by table(); the container log is a fenced block.
 */
export function validationSummary(r: ValidateResult): string {
  const { report } = r;
  const rows: Cell[][] = report.rules.map((x) => [x.rule, ICON[x.status], x.message]);
  if (report.smoke) {
    const s = report.smoke;
    rows.push([
      'smoke',
      ICON[s.status],
      s.reason ??
        `healthy after ${s.durationMs} ms (${s.probe ?? 'probe'}, ${s.attempts} attempts)`,
    ]);
  }
  const parts = [
    `### validate-image: ${report.result === 'pass' ? '✅ pass' : '❌ fail'}`,
    table(
      ['', ''],
      [
        ['image', inlineCode(report.image.reference)],
        ['platform', report.image.platform],
        ['policy', report.policy ? inlineCode(report.policy.file) : 'built-in defaults'],
        ['evidence', inlineCode(r.evidence)],
      ],
    ),
    '',
    table(['rule', 'result', 'detail'], rows),
    '',
  ];
  if (report.smoke?.logTail?.length)
    parts.push('Container log (last lines):', code(report.smoke.logTail.join('\n')), '');
  return parts.join('\n');
}

/** One annotation per failing rule, on the policy line that set it. */
export function validationAnnotations(r: ValidateResult, workspace: string): CheckAnnotation[] {
  const source = r.policy.source;
  if (!source) return [];
  const path = relative(workspace, source.file) || source.file;
  return r.report.rules
    .filter((x) => x.status === 'fail')
    .map((x) => {
      const line = source.lines[x.rule] ?? 1;
      return {
        path,
        start_line: line,
        end_line: line,
        annotation_level: 'failure' as const,
        title: `policy: ${x.rule}`,
        message: x.message,
      };
    });
}
