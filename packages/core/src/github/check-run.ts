import { ConfigurationError, errorMessage } from '../errors.js';
import { info, printable, warning } from '../log.js';
import type { Octokit } from './client.js';
import type { RunContext } from './context.js';
import { isPermissionError } from './permission.js';

export interface CheckAnnotation {
  /** repository-relative path */
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CheckRunInput {
  name: string;
  headSha: string;
  conclusion: 'success' | 'failure' | 'neutral';
  /** plain text */
  title: string;
  /** Markdown from a summary builder (github/summary.ts), which escapes the text it is given. */
  summary: string;
  /** Markdown, as summary. */
  text?: string;
  /** Messages and titles are plain text. */
  annotations: CheckAnnotation[];
}

export interface PublishedCheckRun {
  id: number;
  url: string;
}

/** The API takes at most 50 annotations per request; later batches are appended by updates. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** output.summary and output.text are limited to 65535 characters each. */
const OUTPUT_LIMIT = 65535;

function clip(text: string): string {
  if (text.length <= OUTPUT_LIMIT) return text;
  const note = '\n\n… (truncated)';
  return text.slice(0, OUTPUT_LIMIT - note.length) + note;
}

const PERMISSION_HINT =
  'the token needs `checks: write` (add `permissions: { checks: write }` to the job; ' +
  'GITHUB_TOKEN on pull requests from forks is read-only)';

function plainAnnotation(a: CheckAnnotation): CheckAnnotation {
  return {
    ...a,
    message: printable(a.message),
    ...(a.title !== undefined ? { title: printable(a.title) } : {}),
  };
}

/**
 * Creates a completed check run on `headSha` so a validation can be a required status check.
 * Returns undefined, after a warning, when the token lacks permission: the step's own result
 * still gates the workflow, so a missing check run must not turn a pass into a crash.
 */
export async function publishCheckRun(
  octokit: Octokit,
  ctx: Pick<RunContext, 'repo' | 'runUrl' | 'serverUrl'>,
  input: CheckRunInput,
): Promise<PublishedCheckRun | undefined> {
  if (!ctx.repo) {
    throw new ConfigurationError(
      'GITHUB_REPOSITORY is not set: no repository to publish a check run to',
    );
  }
  const { owner, repo } = ctx.repo;
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < input.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(input.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  // GitHub shows titles and annotations as plain text, so markdown escapes would show as
  // backslashes; hidden characters (terminal escapes, bidi overrides) are made visible.
  const output = (annotations: CheckAnnotation[] | undefined) => ({
    title: printable(input.title),
    summary: clip(input.summary),
    ...(input.text !== undefined ? { text: clip(input.text) } : {}),
    ...(annotations?.length ? { annotations: annotations.map(plainAnnotation) } : {}),
  });

  let created: PublishedCheckRun | undefined;
  try {
    const { data } = await octokit.rest.checks.create({
      owner,
      repo,
      name: input.name,
      head_sha: input.headSha,
      status: 'completed',
      conclusion: input.conclusion,
      completed_at: new Date().toISOString(),
      ...(ctx.runUrl ? { details_url: ctx.runUrl } : {}),
      output: output(batches[0]),
    });
    const fallback = `${ctx.serverUrl ?? 'https://github.com'}/${owner}/${repo}/runs/${data.id}`;
    created = { id: data.id, url: data.html_url ?? fallback };
    for (const batch of batches.slice(1)) {
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: data.id,
        output: output(batch),
      });
    }
  } catch (err) {
    if (!isPermissionError(err)) throw err;
    const what = created
      ? `Check run "${input.name}" was created but not all annotations were sent`
      : `Check run "${input.name}" was not published`;
    warning(`${what}: ${errorMessage(err)}; ${PERMISSION_HINT}.`);
    return created;
  }
  info(`Check run "${input.name}" (${input.conclusion}): ${created.url}`);
  return created;
}
