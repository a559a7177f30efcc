import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The running tasks of `service` and the image digest each one runs (docker service ps + inspect). */
export async function taskDigests(dockerHost: string, service: string): Promise<string[]> {
  const env = { ...process.env, DOCKER_HOST: dockerHost };
  const ids = (
    await run('docker', ['service', 'ps', '-q', '--filter', 'desired-state=running', service], {
      env,
    }).catch(() => ({ stdout: '' }))
  ).stdout
    .split('\n')
    .filter(Boolean);
  if (!ids.length) return [];
  const { stdout } = await run(
    'docker',
    ['inspect', '--format', '{{.Spec.ContainerSpec.Image}}', ...ids],
    { env },
  );
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((image) => /@(sha256:[a-f0-9]{64})$/.exec(image)?.[1] ?? image);
}
