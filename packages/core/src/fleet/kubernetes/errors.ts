import { ConfigurationError, errorMessage } from '../../errors.js';
import { retry } from '../../util/retry.js';
import { digestOf } from '../converged.js';
import type { FleetTask } from '../provider.js';

/** An API call of the Kubernetes provider that failed for an operational reason. */
export class KubernetesError extends Error {
  override readonly name = 'KubernetesError';
  constructor(
    message: string,
    /** The HTTP status the API server answered, when it answered. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What one API call was: the verb and resource RBAC speaks of, and where. */
export interface KubeCall {
  /** RBAC verb: get, list, create, patch, update, delete. */
  verb: string;
  /** RBAC resource with its API group: `deployments.apps`, `replicasets.apps`, `pods`, `services`. */
  resource: string;
  namespace: string;
  /** The object's name, for calls on one object. */
  name?: string;
}

/** The status code of a failed call (client-node's ApiException carries it as `code`). */
export function statusOf(err: unknown): number | undefined {
  if (err instanceof KubernetesError) return err.status;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' && code >= 100 && code < 600 ? code : undefined;
}

/** The `Status` object an error answer carries (client-node keeps it as text or parsed). */
function statusBody(err: unknown): { message?: string; reason?: string; text?: string } {
  let body = (err as { body?: unknown } | null)?.body;
  if (typeof body === 'string') {
    const text = body;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return { text: text.trim().split('\n')[0]?.slice(0, 300) };
    }
  }
  const b = (body ?? {}) as { message?: unknown; reason?: unknown };
  return {
    ...(typeof b.message === 'string' ? { message: b.message } : {}),
    ...(typeof b.reason === 'string' ? { reason: b.reason } : {}),
  };
}

/** The API server's own sentence, when the answer holds one. */
function statusMessage(err: unknown): string | undefined {
  const b = statusBody(err);
  return b.message ?? (b.text || undefined);
}

/** The object does not exist (404). */
export function isNotFound(err: unknown): boolean {
  return statusOf(err) === 404;
}

/**
 * Someone else wrote the object between our read and our write (409 Conflict): read again and
 * retry. A 409 AlreadyExists (a create of a name that is taken) is not one.
 */
export function isConflict(err: unknown): boolean {
  return statusOf(err) === 409 && statusBody(err).reason !== 'AlreadyExists';
}

/** The server did not take the request at all (429 throttled, 503 unavailable): safe to send again. */
function isBusy(err: unknown): boolean {
  const status = statusOf(err);
  return status === 429 || status === 503;
}

function what(call: KubeCall): string {
  const kind = call.resource.split('.')[0] ?? call.resource;
  return `${call.name ? `${kind}/${call.name}` : kind} in namespace ${call.namespace}`;
}

/**
 * Maps a failed API call to a ConfigurationError (the user's to fix: credentials, RBAC, a
 * missing Deployment, a spec the server refuses) or a KubernetesError with the server's words
 * and `cause`. The one place that reads the API's errors.
 */
export function kubeError(err: unknown, call: KubeCall): Error {
  if (err instanceof ConfigurationError || err instanceof KubernetesError) return err;
  const status = statusOf(err);
  const said = statusMessage(err);
  const suffix = said ? `: ${said}` : '';
  switch (status) {
    case 401:
      return new ConfigurationError(
        `Kubernetes refused the credentials to ${call.verb} ${what(call)} (401 Unauthorized): the kubeconfig's user has no valid token or certificate (expired?)${suffix}`,
      );
    case 403:
      return new ConfigurationError(
        `Kubernetes forbids ${call.verb} on ${call.resource} in namespace ${call.namespace} (403 Forbidden): grant the deploying identity the verb "${call.verb}" on "${call.resource}" there (a Role and RoleBinding)${suffix}`,
      );
    case 404:
      if (call.resource === 'deployments.apps' && call.name)
        return new ConfigurationError(
          `Deployment ${call.name} not found in namespace ${call.namespace}: check target and namespace (and the kubeconfig context)${suffix}`,
        );
      if (call.resource === 'namespaces' || /namespaces? .* not found/i.test(said ?? ''))
        return new ConfigurationError(`Namespace ${call.namespace} not found${suffix}`);
      break;
    case 422:
    case 400:
      return new ConfigurationError(
        `Kubernetes refused to ${call.verb} ${what(call)} (${status})${suffix}`,
      );
  }
  const reason = status !== undefined ? `${status}${suffix}` : errorMessage(err);
  return new KubernetesError(`Could not ${call.verb} ${what(call)}: ${reason}`, status, {
    cause: err,
  });
}

/** How often a call that conflicts (409) or finds the server busy (429, 503) is sent again. */
export const CONFLICT_ATTEMPTS = 5;

/**
 * Runs one API call (or one read-modify-write), again when the server answers 409 Conflict,
 * 429 or 503; every other failure is mapped once, by kubeError.
 */
export async function kubeCall<T>(
  call: KubeCall,
  fn: () => Promise<T>,
  opts: { sleep?: (ms: number) => Promise<void>; onConflict?: (attempt: number) => void } = {},
): Promise<T> {
  try {
    return await retry(fn, {
      attempts: CONFLICT_ATTEMPTS,
      baseMs: 100,
      maxMs: 2_000,
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
      retryable: (err) => isConflict(err) || isBusy(err),
      onRetry: (_err, attempt) => opts.onConflict?.(attempt),
    });
  } catch (err) {
    throw kubeError(err, call);
  }
}

// The kubelet's waiting reasons for a container whose image it cannot get: the release never ran.
const PULL_REASONS = /^(ErrImagePull|ImagePullBackOff)\b/;

/**
 * Whether a rollout of `image` failed because its pods could not pull it: the pods of that
 * digest that report an error all wait on the pull, and none ran and failed its readiness.
 * Returns the first such pod's reason (`ImagePullBackOff: Back-off pulling image …`), else undefined.
 */
export function pullFailure(pods: readonly FleetTask[], image: string): string | undefined {
  const digest = digestOf(image);
  const own = pods.filter((p) => digest !== undefined && digestOf(p.image) === digest);
  const failed = own.filter((p) => p.error);
  if (failed.length === 0) return undefined;
  const tried = own.some((p) => p.state === 'running' && p.health === 'unhealthy');
  if (tried || !failed.every((p) => PULL_REASONS.test(p.error ?? ''))) return undefined;
  return failed[0]?.error;
}
