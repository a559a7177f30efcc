import { ConfigurationError } from '../../errors.js';

/** Tags Kiln keeps on the group (never propagated to instances): what it proved, and before. */
export const TAG = {
  /** The launch template version Kiln last proved N/N healthy. */
  knownGood: 'kiln:known-good-version',
  /** The one proved before it: where rollback() goes outside a running refresh. */
  previous: 'kiln:previous-version',
} as const;

/** EC2's limit on user data, before base64. */
export const MAX_USER_DATA_BYTES = 16 * 1024;

/**
 * The line of the user data that names the container an instance runs. The group's own
 * script (from Terraform, CloudFormation …) has it and uses `$KILN_IMAGE` in its `docker run`;
 * Kiln only ever rewrites this line.
 */
const IMAGE_LINE = /^(\s*(?:export\s+)?KILN_IMAGE=)(['"]?)([^'"\s]*)\2[ \t]*$/m;

/** The container image the user data names, or undefined when it has no KILN_IMAGE line. */
export function imageInUserData(userData: string | undefined): string | undefined {
  if (!userData) return undefined;
  const m = IMAGE_LINE.exec(decode(userData));
  return m?.[3] || undefined;
}

/** User data (base64, as EC2 takes it) with the KILN_IMAGE line set to `image`. */
export function withImage(userData: string | undefined, image: string, where: string): string {
  const text = userData ? decode(userData) : '';
  if (!IMAGE_LINE.test(text))
    throw new ConfigurationError(
      `${where} has no KILN_IMAGE= line in its user data for Kiln to set: add a line KILN_IMAGE= to the user-data script and run "$KILN_IMAGE" (for example: docker run -d --restart=always -p 80:8080 "$KILN_IMAGE")`,
    );
  const out = text.replace(IMAGE_LINE, (_all, head: string) => `${head}'${image}'`);
  const bytes = Buffer.byteLength(out);
  if (bytes > MAX_USER_DATA_BYTES)
    throw new ConfigurationError(
      `${where}: the user data with the image is ${bytes} bytes, over EC2's limit of ${MAX_USER_DATA_BYTES}`,
    );
  return Buffer.from(out, 'utf8').toString('base64');
}

/**
 * What instances of a launch template version run, by an immutable id: the container its user
 * data names (pinned by digest), or else its AMI.
 */
export function versionImage(data: { ImageId?: string; UserData?: string }): string | undefined {
  return imageInUserData(data.UserData) ?? data.ImageId;
}

/** Instance refresh states that are still running (a deploy may watch or roll one back). */
export const ACTIVE_REFRESH = new Set([
  'Pending',
  'InProgress',
  'Baking',
  'Cancelling',
  'RollbackInProgress',
]);

/** Lifecycle states of instances the group wants running (the rest are leaving or parked). */
const WANTED = new Set([
  'Pending',
  'Pending:Wait',
  'Pending:Proceed',
  'InService',
  'Warmed:Pending',
]);

export function isWanted(lifecycleState: string | undefined): boolean {
  return WANTED.has(lifecycleState ?? '');
}

/** The proof's task state: `running` only for InService. */
export function instanceState(lifecycleState: string | undefined): string {
  return lifecycleState === 'InService' ? 'running' : (lifecycleState ?? 'unknown').toLowerCase();
}

/** An ELB target state as the proof's health: only `healthy` counts (`initial` is starting). */
export function targetHealth(state: string | undefined): string {
  return state === 'initial' ? 'starting' : (state ?? 'unknown');
}

function decode(userData: string): string {
  return Buffer.from(userData, 'base64').toString('utf8');
}
