import { describe, expect, it } from '@jest/globals';
import { DockerCommandError } from '../../engine/docker-cli.js';
import { ConfigurationError } from '../../errors.js';
import { isNotFound, SwarmError, swarmError } from './errors.js';

const failed = (stderr: string): DockerCommandError =>
  new DockerCommandError(
    `docker command failed with exit code 1: docker service ls (DOCKER_HOST=tcp://m:2376)`,
    'docker service ls (DOCKER_HOST=tcp://m:2376)',
    1,
    stderr,
  );

describe('swarm errors', () => {
  it('an engine that is not a manager is the user to fix, naming DOCKER_HOST', () => {
    const e = swarmError(
      failed(
        'Error response from daemon: This node is not a swarm manager. Use "docker swarm init"',
      ),
      'list services',
    );
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toBe(
      'Could not list services: the engine at tcp://m:2376 is not a swarm manager: point DOCKER_HOST at a manager node (docker swarm init or join): Error response from daemon: This node is not a swarm manager. Use "docker swarm init"',
    );
  });

  it('anything else is a SwarmError with the cause', () => {
    const cause = failed('Error response from daemon: rpc error: code = Unavailable');
    const e = swarmError(cause, 'update service shop', 'shop');
    expect(e).toBeInstanceOf(SwarmError);
    expect(e).toMatchObject({ service: 'shop', cause });
    expect(e.message).toMatch(/^Could not update service shop: docker command failed/);
  });

  it('recognises not-found, also wrapped', () => {
    const nf = failed('Error: No such service: shop');
    expect(isNotFound(nf)).toBe(true);
    expect(isNotFound(swarmError(nf, 'x'))).toBe(true);
    expect(isNotFound(failed('Error response from daemon: conflict'))).toBe(false);
  });
});
