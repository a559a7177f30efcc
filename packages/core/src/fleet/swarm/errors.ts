import { DockerCommandError } from '../../engine/docker-cli.js';
import { ConfigurationError, errorMessage } from '../../errors.js';

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

// Engine answers the user has to fix, in one table: DOCKER_HOST at the wrong engine, a
// name the engine refuses, a spec the engine refuses. Everything else is operational.
const USER_ERRORS: Array<[RegExp, (host: string) => string]> = [
  [
    /not a swarm manager|swarm mode|This node is not part of a swarm/i,
    (host) =>
      `the engine at ${host} is not a swarm manager: point DOCKER_HOST at a manager node (docker swarm init or join)`,
  ],
  [/code = InvalidArgument|invalid reference format/, () => 'the engine refused the service spec'],
  [/already exists|name conflicts/i, () => 'a service or network of that name already exists'],
  [/permission denied/i, (host) => `no permission to talk to the engine at ${host}`],
];

/**
 * Maps a failed engine call to a ConfigurationError (the user's to fix) or a SwarmError with
 * the engine's words and `cause`. The one place that reads the engine's error text.
 */
export function swarmError(err: unknown, doing: string, service?: string): Error {
  if (err instanceof ConfigurationError || err instanceof SwarmError) return err;
  const stderr = err instanceof DockerCommandError ? err.stderr : '';
  const host = /DOCKER_HOST=(\S+)\)/.exec(err instanceof DockerCommandError ? err.command : '');
  for (const [pattern, say] of USER_ERRORS) {
    if (stderr && pattern.test(stderr)) {
      return new ConfigurationError(
        `Could not ${doing}: ${say(host?.[1] ?? 'DOCKER_HOST')}: ${stderr.split('\n')[0]}`,
      );
    }
  }
  return new SwarmError(`Could not ${doing}: ${errorMessage(err)}`, service, { cause: err });
}
