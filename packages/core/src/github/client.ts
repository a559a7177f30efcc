import type { getOctokit } from '@actions/github';
import { setSecret } from '../log.js';
import type { RunContext } from './context.js';

export type Octokit = ReturnType<typeof getOctokit>;

/**
 * An authenticated REST client for the run's API (GITHUB_API_URL, so GHES and the test fake
 * work the same as github.com). The token is masked first: Octokit errors can echo headers.
 * Octokit is loaded only when a step talks to GitHub, so every action starts fast.
 */
export async function githubClient(
  token: string,
  ctx: Pick<RunContext, 'apiUrl'>,
): Promise<Octokit> {
  setSecret(token);
  const { getOctokit: create } = await import('@actions/github');
  return create(token, ctx.apiUrl ? { baseUrl: ctx.apiUrl } : {});
}
