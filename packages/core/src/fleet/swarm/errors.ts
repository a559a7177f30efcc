import { DockerCommandError } from '../../engine/docker-cli.js';
import { ConfigurationError, errorMessage } from '../../errors.js';
import { digestOf } from '../converged.js';

/** An engine call of the swarm provider that failed for an operational reason. */
export class SwarmError extends Error {
  override readonly name = 'SwarmError';
  constructor(
    message: string,
    readonly service?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The engine said the object does not exist (service, network, task, container, node). */
export function isNotFound(err: unknown): boolean {
  if (err instanceof SwarmError) return isNotFound(err.cause);
  return (
    err instanceof DockerCommandError &&
    /no such (service|network|task|container|node|object)|not found/i.test(err.stderr)
  );
}

/**
 * What a many-object inspect printed for the objects that exist when some did not (the CLI
 * prints those and fails for the rest); undefined for any other failure.
 */
export function foundPart(err: unknown): string | undefined {
  return isNotFound(err) && err instanceof DockerCommandError ? err.stdout.trim() : undefined;
}

/** A row of the engine's answers the user has to fix: its name, what it looks like, what to say. */
interface UserErrorRow {
  name: string;
  pattern: RegExp;
  say: (host: string) => string;
}

// Engine answers the user has to fix, in one table: DOCKER_HOST at the wrong engine, a
// name the engine refuses, a spec the engine refuses. Everything else is operational.
const USER_ERRORS: readonly UserErrorRow[] = [
  {
    name: 'not a swarm manager',
    pattern: /not a swarm manager|swarm mode|This node is not part of a swarm/i,
    say: (host) =>
      `the engine at ${host} is not a swarm manager: point DOCKER_HOST at a manager node (docker swarm init or join)`,
  },
  {
    name: 'spec refused',
    pattern: /code = InvalidArgument|invalid reference format/,
    say: () => 'the engine refused the service spec',
  },
  {
    name: 'name taken',
    pattern: /already exists|name conflicts/i,
    say: () => 'a service or network of that name already exists',
  },
  {
    name: 'no permission',
    pattern: /permission denied/i,
    say: (host) => `no permission to talk to the engine at ${host}`,
  },
];

/**
 * Maps a failed engine call to a ConfigurationError (the user's to fix) or a SwarmError, both
 * one line with the engine's reason and the failed call as `cause` (its whole stderr there).
 * The one place that reads the engine's error text.
 */
export function swarmError(err: unknown, doing: string, service?: string): Error {
  if (err instanceof ConfigurationError || err instanceof SwarmError) return err;
  if (!(err instanceof DockerCommandError))
    return new SwarmError(`Could not ${doing}: ${errorMessage(err)}`, service, { cause: err });
  const host = /DOCKER_HOST=(\S+)\)/.exec(err.command)?.[1] ?? 'DOCKER_HOST';
  const row = err.stderr ? USER_ERRORS.find((r) => r.pattern.test(err.stderr)) : undefined;
  if (row)
    return new ConfigurationError(`Could not ${doing}: ${row.say(host)}: ${err.reason}`, {
      cause: err,
    });
  return new SwarmError(`Could not ${doing}: ${err.reason}`, service, { cause: err });
}

/** One task of a service, past or present, as `docker service ps` reports it. */
export interface TaskRecord {
  name: string;
  image: string;
  /** `Rejected 3 seconds ago`, `Running 1 minute ago` … */
  state: string;
  error: string;
}

/** A row of the task errors that say a node could not get the image. */
interface PullErrorRow {
  name: string;
  pattern: RegExp;
}

// A node that cannot pull logs why and then fails the task with the create's "No such image";
// the other rows are what the engine reports when the pull's own error reaches the task.
const PULL_ERRORS: readonly PullErrorRow[] = [
  { name: 'no such image', pattern: /No such image/i },
  { name: 'access denied', pattern: /pull access denied/i },
  { name: 'manifest unknown', pattern: /manifest unknown/i },
  { name: 'blob unknown', pattern: /blob unknown/i },
  { name: 'registry unreachable', pattern: /connection refused|no such host|i\/o timeout/i },
];

/**
 * Whether a deploy of `image` failed because its image could not be pulled: the tasks of that
 * digest that the engine rejected or failed all say so (one that ran and failed its health says
 * the release was tried). Returns the engine's first such error, else undefined.
 */
export function pullFailure(tasks: readonly TaskRecord[], image: string): string | undefined {
  const digest = digestOf(image);
  const failed = tasks.filter(
    (t) =>
      digest !== undefined &&
      digestOf(t.image) === digest &&
      /^(rejected|failed)\b/i.test(t.state) &&
      t.error !== '',
  );
  if (failed.length === 0) return undefined;
  if (!failed.every((t) => PULL_ERRORS.some((r) => r.pattern.test(t.error)))) return undefined;
  return failed[0]?.error;
}
