import { readFileSync } from 'node:fs';
import {
  convertWorkflowTemplate,
  isBasicExpression,
  isMapping,
  isSequence,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
  type WorkflowTemplate,
} from '@actions/workflow-parser';
import type {
  ActionStep,
  Job,
  RunStep,
  Step,
} from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { ConfigurationError, errorMessage } from '@kiln/core/errors';
import { loadLocalAction, type LocalAction } from './action.js';
import { where } from './expressions.js';
import { templateErrors } from './template-errors.js';

/** Largest workflow file read, as GitHub's own limit for a workflow file (512 KiB). */
export const MAX_WORKFLOW_BYTES = 512 * 1024;

/** What a step does, decided before anything runs. */
export type StepKind =
  { kind: 'run' } | { kind: 'checkout' } | { kind: 'action'; action: LocalAction };

/**
 * A step as the converter gives it, plus the keys it leaves out of its model (`with`, `shell`,
 * `working-directory`, `timeout-minutes`), read from the same parsed token tree.
 */
export interface PlannedStep {
  step: RunStep | ActionStep;
  index: number;
  with?: TemplateToken;
  shell?: TemplateToken;
  workingDirectory?: TemplateToken;
  timeoutMinutes?: TemplateToken;
  what: StepKind;
  /** `file:line:col` of the step */
  at: string;
  /** `file:line:col`, job and step, for every message about it */
  label: string;
}

/** A job with its steps planned, and the keys the converter leaves out. */
export interface PlannedJob {
  job: Job;
  steps: PlannedStep[];
  shell?: TemplateToken;
  workingDirectory?: TemplateToken;
  continueOnError?: TemplateToken;
  timeoutMinutes?: TemplateToken;
}

/** A workflow file read, checked and planned: every job and step known to be runnable. */
export interface LoadedWorkflow {
  file: string;
  name: string;
  template: WorkflowTemplate;
  jobs: PlannedJob[];
}

function find(token: TemplateToken | undefined, ...path: string[]): TemplateToken | undefined {
  let t = token;
  for (const key of path) {
    if (!t || !isMapping(t)) return undefined;
    t = t.find(key);
  }
  return t;
}

/** A short, literal description of a step for messages (names may hold expressions). */
export function stepTitle(step: Step, index: number): string {
  const name = step.name ? step.name.toDisplayString() : undefined;
  if (name) return name;
  if ('uses' in step) return `Run ${step.uses.value}`;
  if ('run' in step) {
    // The script as written (`${{ }}` included), not the parser's format(…) rewrite of it.
    const text = isBasicExpression(step.run)
      ? (step.run.source ?? step.run.toDisplayString())
      : step.run.toString();
    const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
    return `Run ${first.trim()}`.trim();
  }
  return `step ${index + 1}`;
}

/** The runner's action for a `uses:` value, or an error naming what it cannot run. */
function classify(uses: string, workspace: string, label: string): StepKind {
  if (uses.startsWith('./') || uses.startsWith('.\\'))
    return { kind: 'action', action: loadLocalAction(workspace, uses, label) };
  // The workflow runs on the working tree as it is; a checkout of it is the tree itself.
  if (/^actions\/checkout@[^/]+$/i.test(uses)) return { kind: 'checkout' };
  if (uses.startsWith('docker://'))
    throw new ConfigurationError(
      `${label}: uses: ${uses}: docker actions are not supported by the local runner`,
    );
  throw new ConfigurationError(
    `${label}: uses: ${uses}: remote actions are not supported by the local runner (only ./path actions and actions/checkout)`,
  );
}

function planSteps(
  file: string,
  workspace: string,
  job: Job,
  rawJob: TemplateToken | undefined,
  problems: string[],
): PlannedStep[] {
  const rawSteps = find(rawJob, 'steps');
  const raws: TemplateToken[] = rawSteps && isSequence(rawSteps) ? [...rawSteps] : [];
  const planned: PlannedStep[] = [];
  job.steps.forEach((step, index) => {
    const raw = raws[index];
    const at = where(file, raw);
    const label = `${at}: job "${job.id.value}", step ${index + 1} "${stepTitle(step, index)}"`;
    if (!('run' in step) && !('uses' in step)) {
      problems.push(`${label}: only run: and uses: steps are supported by the local runner`);
      return;
    }
    try {
      const what: StepKind =
        'uses' in step ? classify(step.uses.value, workspace, label) : { kind: 'run' };
      const shell = find(raw, 'shell');
      if (shell && isString(shell) && shell.value !== 'bash')
        throw new ConfigurationError(
          `${label}: shell: ${shell.value}: the local runner runs bash steps only`,
        );
      planned.push({
        step: step as RunStep | ActionStep,
        index,
        with: find(raw, 'with'),
        shell,
        workingDirectory: find(raw, 'working-directory'),
        timeoutMinutes: find(raw, 'timeout-minutes'),
        what,
        at,
        label,
      });
    } catch (err) {
      problems.push(errorMessage(err));
    }
  });
  return planned;
}

/** The job keys the local runner does not run (it would have to skip them silently). */
const UNSUPPORTED_JOB_KEYS = ['strategy', 'container', 'services'] as const;

/**
 * Reads a workflow with GitHub's parser and converter, then plans every job and step: a
 * workflow the runner cannot run fails here, naming file:line:col, job and step, before any
 * step has run.
 */
export async function loadWorkflow(
  path: string,
  display: string,
  workspace: string,
): Promise<LoadedWorkflow> {
  const content = readFileSync(path);
  if (content.length > MAX_WORKFLOW_BYTES)
    throw new ConfigurationError(`${display}: larger than ${MAX_WORKFLOW_BYTES} bytes`);
  const parsed = parseWorkflow(
    { name: display, content: content.toString('utf8') },
    new NoOperationTraceWriter(),
  );
  let errors = templateErrors(parsed.context);
  if (errors.length || !parsed.value)
    throw new ConfigurationError(errors.join('\n') || `${display}: empty workflow`);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  errors = templateErrors(parsed.context);
  if (errors.length) throw new ConfigurationError(errors.join('\n'));
  const root = parsed.value as MappingToken;
  const problems: string[] = [];
  const jobs: PlannedJob[] = [];
  for (const job of template.jobs) {
    const rawJob = find(root, 'jobs', job.id.value);
    const label = `${where(display, job.id)}: job "${job.id.value}"`;
    if (job.type !== 'job') {
      problems.push(`${label}: reusable workflows are not supported by the local runner`);
      continue;
    }
    for (const key of UNSUPPORTED_JOB_KEYS)
      if (find(rawJob, key))
        problems.push(
          `${where(display, find(rawJob, key))}: job "${job.id.value}": ${key}: is not supported by the local runner`,
        );
    const shell =
      find(rawJob, 'defaults', 'run', 'shell') ?? find(root, 'defaults', 'run', 'shell');
    if (shell && isString(shell) && shell.value !== 'bash')
      problems.push(
        `${where(display, shell)}: defaults.run.shell: ${shell.value}: the local runner runs bash steps only`,
      );
    jobs.push({
      job,
      steps: planSteps(display, workspace, job, rawJob, problems),
      shell,
      workingDirectory:
        find(rawJob, 'defaults', 'run', 'working-directory') ??
        find(root, 'defaults', 'run', 'working-directory'),
      continueOnError: find(rawJob, 'continue-on-error'),
      timeoutMinutes: find(rawJob, 'timeout-minutes'),
    });
  }
  if (problems.length) throw new ConfigurationError(problems.join('\n'));
  const name = find(root, 'name');
  return { file: display, name: name && isString(name) ? name.value : display, template, jobs };
}
