import { errorMessage } from '../errors.js';

/**
 * A token that may not write what a step asks (checks, deployments): GITHUB_TOKEN on a fork PR
 * or a workflow without the permission gets 403 "Resource not accessible by integration"; a
 * token that cannot see the repository gets 404. Duck-typed because Octokit's RequestError is
 * not a direct dependency.
 */
export function isPermissionError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const status = (err as { status?: unknown }).status;
  return (
    status === 403 ||
    status === 404 ||
    /Resource not accessible by integration/i.test(errorMessage(err))
  );
}
