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

/** `docker service ps`: the image and state of every task the engine wants running. */
export function runningTasks(
  docker: (args: string[]) => string,
  service: string,
): Array<{ image: string; state: string }> {
  return docker([
    'service',
    'ps',
    service,
    '--filter',
    'desired-state=running',
    '--no-trunc',
    '--format',
    '{{.Image}} {{.CurrentState}}',
  ])
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [image, ...state] = l.split(' ');
      return { image: image as string, state: state.join(' ') };
    });
}

/**
 * The sample app baked once per revision into `repo` (APP_REVISION set, one source date), on
 * a busybox base pushed to `baseRepository`: `repo@sha256:…` by revision.
 */
export async function bakeRevisions<R extends string>(
  registryHost: string,
  repo: string,
  baseRepository: string,
  revisions: readonly R[],
): Promise<Record<R, string>> {
  const registries = new Registries();
  const base = await bakeBusyboxBase(registryHost, { repository: baseRepository });
  const out = {} as Record<R, string>;
  for (const revision of revisions) {
    const inputs = sampleAppInputs(registryHost, base.image, {
      image: repo,
      env: `APP_REVISION=${revision}`,
      'source-date-epoch': '1700000000',
    });
    out[revision] = (await bake(parseBakeRequest(fromRecord(inputs)), registries, () => {})).image;
  }
  return out;
}
