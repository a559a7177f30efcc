import { readFileSync } from 'node:fs';

/**
 * What Kiln needs to know about the workflow run it is part of, read from the runner's
 * environment. Outside Actions (the CLI, tests) every field is simply undefined, so callers
 * decide what to skip instead of this module throwing.
 */
export interface RunContext {
  /** `owner/repo` split; undefined without GITHUB_REPOSITORY */
  repo?: { owner: string; repo: string };
  /** the commit being built: the PR head for pull_request events, else GITHUB_SHA */
  commit?: string;
  /** GITHUB_SHA as given; for pull_request events this is a synthetic merge commit */
  sha?: string;
  /** link to this run (and attempt), for evidence and check runs */
  runUrl?: string;
  serverUrl?: string;
  apiUrl?: string;
  runId?: string;
  runAttempt?: string;
  actor?: string;
  ref?: string;
  eventName?: string;
}

// Only the one field we read (checked by hand: a schema library is not worth its start-up here);
// the rest of the payload is whatever the event carries.
function prHeadOf(payload: unknown): string | undefined {
  const sha = (payload as { pull_request?: { head?: { sha?: unknown } } } | null)?.pull_request
    ?.head?.sha;
  return typeof sha === 'string' ? sha : undefined;
}

/** The PR head SHA from the event payload, or undefined for other events or an unreadable file. */
function pullRequestHead(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    return prHeadOf(JSON.parse(readFileSync(eventPath, 'utf8')));
  } catch {
    // A missing or malformed payload only loses the PR refinement; GITHUB_SHA still applies.
    return undefined;
  }
}

const nonEmpty = (v: string | undefined): string | undefined => (v ? v : undefined);

/** Reads the context from `env` (pure apart from the event file; tests pass their own env). */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, name, ...extra] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repo = owner && name && extra.length === 0 ? { owner, repo: name } : undefined;
  const sha = nonEmpty(env.GITHUB_SHA);
  const serverUrl = nonEmpty(env.GITHUB_SERVER_URL)?.replace(/\/+$/, '');
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  const runAttempt = nonEmpty(env.GITHUB_RUN_ATTEMPT);
  let runUrl: string | undefined;
  if (serverUrl && repo && runId) {
    runUrl = `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}`;
    // Evidence must point at the attempt that produced it, not whichever ran last.
    if (runAttempt) runUrl += `/attempts/${runAttempt}`;
  }
  return {
    repo,
    commit: pullRequestHead(nonEmpty(env.GITHUB_EVENT_PATH)) ?? sha,
    sha,
    runUrl,
    serverUrl,
    apiUrl: nonEmpty(env.GITHUB_API_URL)?.replace(/\/+$/, ''),
    runId,
    runAttempt,
    actor: nonEmpty(env.GITHUB_ACTOR),
    ref: nonEmpty(env.GITHUB_REF),
    eventName: nonEmpty(env.GITHUB_EVENT_NAME),
  };
}

let cached: RunContext | undefined;

/** The process's run context, read once: the environment does not change during a step. */
export function runContext(): RunContext {
  cached ??= readRunContext();
  return cached;
}
