import { describe, expect, it } from '@jest/globals';
import { DockerCommandError } from '../../engine/docker-cli.js';
import { ConfigurationError } from '../../errors.js';
import { isNotFound, pullFailure, SwarmError, swarmError, type TaskRecord } from './errors.js';

const failed = (stderr: string, reason?: string): DockerCommandError =>
  new DockerCommandError(
    `docker command failed with exit code 1: docker service ls (DOCKER_HOST=tcp://m:2376)`,
    'docker service ls (DOCKER_HOST=tcp://m:2376)',
    1,
    stderr,
    false,
    '',
    reason,
  );

describe('swarm errors', () => {
  it('an engine that is not a manager is the user to fix, naming DOCKER_HOST, with the cause', () => {
    const cause = failed(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init"',
    );
    const e = swarmError(cause, 'list services');
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toBe(
      'Could not list services: the engine at tcp://m:2376 is not a swarm manager: point DOCKER_HOST at a manager node (docker swarm init or join): Error response from daemon: This node is not a swarm manager. Use "docker swarm init"',
    );
    expect(e.cause).toBe(cause);
  });

  it('anything else is a SwarmError with the cause, one line with the engine reason', () => {
    const cause = failed('Error response from daemon: rpc error: code = Unavailable');
    const e = swarmError(cause, 'update service shop', 'shop');
    expect(e).toBeInstanceOf(SwarmError);
    expect(e).toMatchObject({ service: 'shop', cause });
    expect(e.message).toBe(
      'Could not update service shop: Error response from daemon: rpc error: code = Unavailable',
    );
  });

  it('a many-line stderr becomes one line: the line that names the error; the rest stays in the cause', () => {
    const stderr = [
      'Unable to find image x locally',
      'docker: Error response from daemon: pull access denied for x.',
      '',
      "Run 'docker run --help' for more information",
    ].join('\n');
    const e = swarmError(failed(stderr), 'run x');
    expect(e.message).toBe(
      'Could not run x: Error response from daemon: pull access denied for x.',
    );
    expect((e.cause as DockerCommandError).stderr).toBe(stderr);
  });

  it("an unreachable engine says the reason the client found, not the CLI's question", () => {
    const e = swarmError(
      failed(
        'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?',
        'cannot reach the docker engine at unix:///x.sock: connection refused',
      ),
      'inspect service shop',
      'shop',
    );
    expect(e).toBeInstanceOf(SwarmError);
    expect(e.message).toBe(
      'Could not inspect service shop: cannot reach the docker engine at unix:///x.sock: connection refused',
    );
  });

  it('recognises not-found, also wrapped', () => {
    const nf = failed('Error: No such service: shop');
    expect(isNotFound(nf)).toBe(true);
    expect(isNotFound(swarmError(nf, 'x'))).toBe(true);
    expect(isNotFound(failed('Error response from daemon: conflict'))).toBe(false);
  });
});

describe('pullFailure: a rollback because no node could get the image', () => {
  const IMAGE = `reg.test/shop@sha256:${'b'.repeat(64)}`;
  const OTHER = `reg.test/shop@sha256:${'a'.repeat(64)}`;
  const task = (error: string, state = 'Rejected 2 seconds ago', image = IMAGE): TaskRecord => ({
    name: 'shop.1',
    image,
    state,
    error,
  });

  it.each([
    ['no such image', `No such image: ${IMAGE}`],
    ['access denied', 'pull access denied for reg.test/shop, repository does not exist'],
    ['manifest unknown', 'manifest unknown: manifest unknown'],
    ['blob unknown', 'failed to copy: httpReadSeeker: blob unknown to registry'],
    [
      'registry unreachable',
      'Get "http://reg.test/v2/": dial tcp 10.0.0.1:80: connect: connection refused',
    ],
  ])('%s is a pull failure, with the engine reason', (_row, error) => {
    expect(pullFailure([task(error)], IMAGE)).toBe(error);
  });

  it('a task of the image that ran and failed its health means the release was tried', () => {
    expect(
      pullFailure(
        [
          task(`No such image: ${IMAGE}`),
          task('task: non-zero exit (137): dockerexec: unhealthy container', 'Failed 1 second ago'),
        ],
        IMAGE,
      ),
    ).toBeUndefined();
  });

  it("only the requested digest's failed tasks count", () => {
    // Another release's pull failure, and running tasks of this one, say nothing.
    expect(
      pullFailure([task(`No such image: ${OTHER}`, 'Rejected 1 minute ago', OTHER)], IMAGE),
    ).toBeUndefined();
    expect(pullFailure([task('', 'Running 5 seconds ago')], IMAGE)).toBeUndefined();
    expect(pullFailure([task(`No such image: ${IMAGE}`)], OTHER)).toBeUndefined();
    expect(pullFailure([], IMAGE)).toBeUndefined();
  });
});
