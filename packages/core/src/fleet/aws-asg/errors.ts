import { ConfigurationError, errorMessage } from '../../errors.js';
import { retry, type RetryOptions } from '../../util/retry.js';

/** The AWS services the provider calls, by their IAM prefix. */
export type AwsService = 'autoscaling' | 'ec2' | 'elasticloadbalancing';

/** An AWS call that failed for a reason the user cannot fix by configuration; `cause` is the SDK's error. */
export class AwsError extends Error {
  override readonly name = 'AwsError';
  constructor(
    message: string,
    /** The API action, `autoscaling:StartInstanceRefresh`. */
    readonly action: string,
    /** The service's error code (`Throttling`, `InternalFailure` …), when it sent one. */
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Answers that mean "too many requests": retried with backoff, never reported at once. */
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);
/** Answers that mean the caller's role may not do the action. */
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
/** Answers that mean the request's credentials themselves are missing or wrong. */
const NO_CREDENTIALS = new Set([
  'CredentialsProviderError',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'ExpiredToken',
  'ExpiredTokenException',
  'AuthFailure',
  'SignatureDoesNotMatch',
]);
/** The group already has a refresh running: the deploy watches that one instead. */
const REFRESH_IN_PROGRESS = new Set([
  'InstanceRefreshInProgress',
  'InstanceRefreshInProgressFault',
]);
/** Requests AWS refused as malformed or out of the group's bounds: the user's settings. */
const INVALID = new Set([
  'ValidationError',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'InvalidLaunchTemplateId.NotFound',
  'InvalidLaunchTemplateName.NotFoundException',
  'InvalidLaunchTemplateId.VersionNotFound',
  'InvalidLaunchTemplateId.Malformed',
  'InvalidUserData.Malformed',
  'TargetGroupNotFound',
  'TargetGroupNotFoundException',
]);

/** The service's error code of an SDK error (the SDK puts it in `name`; `Code` on unmodelled ones). */
export function awsCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { name?: unknown; Code?: unknown; code?: unknown };
  for (const v of [e.Code, e.code, e.name]) if (typeof v === 'string' && v !== 'Error') return v;
  return undefined;
}

export function isThrottling(err: unknown): boolean {
  const code = awsCode(err);
  if (code && THROTTLING.has(code)) return true;
  // The SDK's own classification, when it made one.
  return (err as { $retryable?: { throttling?: boolean } } | null)?.$retryable?.throttling === true;
}

/** StartInstanceRefresh found one running already (an AwsError from awsError, or the SDK's own). */
export function isRefreshInProgress(err: unknown): boolean {
  const code = err instanceof AwsError ? err.code : awsCode(err);
  return code !== undefined && REFRESH_IN_PROGRESS.has(code);
}

/**
 * Maps a failed call once: the user's to fix (no permission, no credentials, a request AWS
 * refused) as a ConfigurationError naming the action and the IAM permission it needs, the rest
 * as an AwsError with the service's words and `cause`. Strategy code never reads SDK errors.
 */
export function awsError(err: unknown, service: AwsService, action: string, doing: string): Error {
  if (err instanceof ConfigurationError || err instanceof AwsError) return err;
  const code = awsCode(err);
  const permission = `${service}:${action}`;
  const said = firstLine(errorMessage(err));
  if (code && DENIED.has(code))
    return new ConfigurationError(
      `Could not ${doing}: AWS denied ${action} (${code}): the role needs the IAM permission ${permission}: ${said}`,
    );
  if (code && NO_CREDENTIALS.has(code))
    return new ConfigurationError(
      `Could not ${doing}: AWS did not accept the credentials for ${action} (${code}): set them up first (for example with aws-actions/configure-aws-credentials): ${said}`,
    );
  if (code && INVALID.has(code))
    return new ConfigurationError(`Could not ${doing}: AWS refused ${action} (${code}): ${said}`);
  return new AwsError(
    `Could not ${doing}: ${action} failed${code ? ` (${code})` : ''}: ${said}`,
    permission,
    code,
    { cause: err },
  );
}

/** How many times a throttled call is tried, in all. */
export const THROTTLE_ATTEMPTS = 8;

/**
 * One AWS call: throttling retried with backoff (the SDK's own retries are off, so this is
 * the only layer), then every failure mapped by awsError.
 */
export async function callAws<T>(
  fn: () => Promise<T>,
  call: { service: AwsService; action: string; doing: string },
  opts: Omit<RetryOptions, 'retryable'> = {},
): Promise<T> {
  try {
    return await retry(() => fn(), {
      attempts: THROTTLE_ATTEMPTS,
      baseMs: 500,
      maxMs: 20_000,
      ...opts,
      retryable: (err) => isThrottling(err),
    });
  } catch (err) {
    throw awsError(err, call.service, call.action, call.doing);
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
