import { expect } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { fromRecord } from '@kiln/core/inputs';
import { Registries } from '@kiln/core/oci';
import { bakeBusyboxBase, sampleAppInputs } from '@kiln/local';

/** The docker CLI against one engine, for checks independent of the provider's own look. */
export function dockerOn(dockerHost: string): (args: string[]) => string {
  return (args) =>
    execFileSync('docker', ['-H', dockerHost, ...args], {
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
}

/** `docker service ps`: the id, image and state of every task the engine wants running. */
export function runningTasks(
  docker: (args: string[]) => string,
  service: string,
): Array<{ id: string; image: string; state: string }> {
  return docker([
    'service',
    'ps',
    service,
    '--filter',
    'desired-state=running',
    '--no-trunc',
    '--format',
    '{{.ID}} {{.Image}} {{.CurrentState}}',
  ])
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [id, image, ...state] = l.split(' ');
      return { id: id as string, image: image as string, state: state.join(' ') };
    });
}

/** N/N on `image` as the engine says it: the spec asks for it, `replicas` wanted tasks run it. */
export function expectFleetOn(
  docker: (args: string[]) => string,
  service: string,
  image: string,
  replicas: number,
): void {
  expect(
    docker([
      'service',
      'inspect',
      service,
      '--format',
      '{{.Spec.TaskTemplate.ContainerSpec.Image}}',
    ]),
  ).toBe(image);
  const tasks = runningTasks(docker, service);
  expect(tasks).toHaveLength(replicas);
  // A task off the image or not Running shows itself in the failure.
  for (const t of tasks)
    expect(t.image === image && t.state.startsWith('Running') ? 'running it' : t).toBe(
      'running it',
    );
}

/**
 * The sample app baked once per revision into `repo` (APP_REVISION set, one source date), on
 * a busybox base pushed to `baseRepository`: `repo@sha256:…` by revision. `inputs` adds bake
 * inputs for a revision (another command, an insecure registry).
 */
export async function bakeRevisions<R extends string>(
  registryHost: string,
  repo: string,
  baseRepository: string,
  revisions: readonly R[],
  opts: { registries?: Registries; inputs?: (revision: R) => Record<string, string> } = {},
): Promise<Record<R, string>> {
  const registries = opts.registries ?? new Registries();
  const base = await bakeBusyboxBase(registryHost, { repository: baseRepository, registries });
  const out = {} as Record<R, string>;
  for (const revision of revisions) {
    const inputs = sampleAppInputs(registryHost, base.image, {
      image: repo,
      env: `APP_REVISION=${revision}`,
      'source-date-epoch': '1700000000',
      ...opts.inputs?.(revision),
    });
    out[revision] = (await bake(parseBakeRequest(fromRecord(inputs)), registries, () => {})).image;
  }
  return out;
}
