import type { RunResult } from './types.js';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/** A run's result as text: the conclusion, each job and its steps, annotations and notes. */
export function runReport(result: RunResult): string {
  const lines = [
    `${result.workflow} (${result.file}, ${result.event}): ${result.conclusion} in ${seconds(result.durationMs)}`,
  ];
  for (const job of result.jobs) {
    const env = job.environment
      ? ` [environment ${job.environment.name}${job.environment.url ? ` ${job.environment.url}` : ''}]`
      : '';
    lines.push(
      `  job ${job.id}: ${job.result}${env} ${seconds(job.durationMs)}${job.reason ? ` — ${job.reason}` : ''}`,
    );
    for (const step of job.steps)
      lines.push(
        `    ${step.name}: ${step.outcome}${step.conclusion !== step.outcome ? ` (conclusion ${step.conclusion})` : ''}${step.reason && step.outcome !== 'skipped' ? ` — ${step.reason}` : ''}`,
      );
    for (const [k, v] of Object.entries(job.outputs)) lines.push(`    output ${k}=${v}`);
  }
  for (const a of result.annotations) {
    const pos = a.file ? ` ${a.file}${a.line ? `:${a.line}` : ''}` : '';
    lines.push(`${a.level} (${a.source})${pos}: ${a.title ? `${a.title}: ` : ''}${a.message}`);
  }
  for (const n of result.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
