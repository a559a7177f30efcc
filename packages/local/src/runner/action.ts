import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { NoOperationTraceWriter, type TemplateParseResult } from '@actions/workflow-parser';
import {
  convertActionTemplate,
  parseAction,
  type ActionInputDefinition,
  type ActionRunsNode,
} from '@actions/workflow-parser/actions/index';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { ConfigurationError } from '@kiln/core/errors';
import { templateErrors } from './template-errors.js';

/** The Node versions a JavaScript action may ask for; this machine's `node` runs them all. */
const NODE_RUNTIMES = new Set(['node20', 'node24']);

/** A `uses: ./path` action with a JavaScript entry, as the runner will execute it. */
export interface LocalAction {
  /** the `uses:` value */
  uses: string;
  /** the action's folder, absolute */
  dir: string;
  /** action.yml, relative to the workspace (for messages) */
  file: string;
  using: string;
  inputs: ActionInputDefinition[];
  /** absolute paths of the entry points, each checked to be a file inside the workspace */
  main: string;
  pre?: string;
  post?: string;
  preIf: string;
  postIf: string;
}

/** True when `path` is `root` or inside it. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The real path of `path`, refused unless it stays inside the workspace after links are
 * followed: a workflow from a pull request must not make the runner execute a file outside the
 * checkout.
 */
function confined(workspace: string, path: string, what: string): string {
  if (!existsSync(path)) throw new ConfigurationError(`${what}: ${path} does not exist`);
  const real = realpathSync(path);
  if (!inside(realpathSync(workspace), real))
    throw new ConfigurationError(`${what}: ${path} is outside the workspace`);
  return real;
}

/**
 * Reads a local action's action.yml with GitHub's action parser and resolves its entry points.
 * `at` names the workflow file, job and step for every message.
 */
export function loadLocalAction(workspace: string, uses: string, at: string): LocalAction {
  const dir = confined(workspace, resolve(workspace, uses), `${at}: uses: ${uses}`);
  const yml = ['action.yml', 'action.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!yml) throw new ConfigurationError(`${at}: uses: ${uses} has no action.yml`);
  const file = relative(workspace, yml);
  const parsed: TemplateParseResult = parseAction(
    { name: file, content: readFileSync(yml, 'utf8') },
    new NoOperationTraceWriter(),
  );
  const errors = templateErrors(parsed.context);
  if (errors.length || !parsed.value)
    throw new ConfigurationError(
      `${at}: uses: ${uses}: ${errors.join('; ') || 'empty action.yml'}`,
    );
  const template = convertActionTemplate(parsed.context, parsed.value as TemplateToken);
  const late = templateErrors(parsed.context);
  if (late.length) throw new ConfigurationError(`${at}: uses: ${uses}: ${late.join('; ')}`);
  const runs = template.runs;
  if (!NODE_RUNTIMES.has(runs.using))
    throw new ConfigurationError(
      `${at}: uses: ${uses} runs "using: ${runs.using}"; the local runner runs JavaScript actions (${[...NODE_RUNTIMES].join(', ')}) only`,
    );
  const node = runs as ActionRunsNode;
  const entry = (p: string, key: string): string =>
    confined(workspace, resolve(dir, p), `${file}: runs.${key}`);
  return {
    uses,
    dir,
    file,
    using: node.using,
    inputs: template.inputs ?? [],
    main: entry(node.main, 'main'),
    pre: node.pre ? entry(node.pre, 'pre') : undefined,
    post: node.post ? entry(node.post, 'post') : undefined,
    preIf: node.preIf || 'always()',
    postIf: node.postIf || 'always()',
  };
}
