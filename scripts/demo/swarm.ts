import { DockerCli, DockerCommandError } from '@kiln/core/engine';
import { sleep } from '@kiln/local';

/** The sample app's health check, the same command the image declares. */
export const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
export const APP_PORT = 8080;

export interface ServiceTarget {
  /** service and network name */
  name: string;
  /** `repo@sha256:…` */
  image: string;
  replicas: number;
}

export interface TaskFacts {
  task: string;
  container: string;
  /** the task's address on the demo network */
  ip: string;
  image: string;
  health: string;
}

export type DeployAction = 'created' | 'updated' | 'unchanged' | 'recreated';

const notFound = (err: unknown): boolean =>
  err instanceof DockerCommandError && /no such|not found/i.test(err.stderr);

/**
 * A swarm-scoped bridge network: tasks get addresses the host can reach directly (the ingress
 * routing mesh does not answer on this kind of machine). The node's engine allocates its
 * subnet like any local bridge, avoiding the host's routes. Reused when it exists.
 */
export async function ensureNetwork(
  docker: DockerCli,
  name: string,
): Promise<{ created: boolean }> {
  try {
    const [scope, driver] = (
      await docker.output(['network', 'inspect', name, '--format', '{{.Scope}} {{.Driver}}'])
    ).split(' ');
    if (scope !== 'swarm' || driver !== 'bridge') {
      throw new Error(
        `network ${name} exists with scope ${scope} and driver ${driver}; the demo needs a swarm-scoped bridge network: remove it (docker network rm ${name}) or run npm run demo -- --down`,
      );
    }
    return { created: false };
  } catch (err) {
    if (!notFound(err)) throw err;
  }
  await docker.run([
    'network',
    'create',
    '--scope',
    'swarm',
    '--driver',
    'bridge',
    '--label',
    'dev.kiln.demo=true',
    name,
  ]);
  return { created: true };
}

/** Flags shared by create and update, so a re-run converges an older service to the same spec. */
function serviceFlags(t: ServiceTarget): string[] {
  return [
    '--replicas',
    String(t.replicas),
    '--health-cmd',
    HEALTH_CMD,
    '--health-interval',
    '2s',
    '--health-timeout',
    '2s',
    '--health-retries',
    '3',
    '--health-start-period',
    '2s',
    '--update-order',
    'start-first',
    '--update-failure-action',
    'rollback',
    '--update-parallelism',
    '1',
    '--update-delay',
    '1s',
    '--update-monitor',
    '5s',
    '--rollback-order',
    'start-first',
    '--stop-grace-period',
    '3s',
  ];
}

interface ServiceSpec {
  ID: string;
  Spec: {
    TaskTemplate: { ContainerSpec: { Image: string }; Networks?: Array<{ Target: string }> };
  };
  UpdateStatus?: { State?: string; StartedAt?: string; Message?: string };
}

async function inspectService(docker: DockerCli, name: string): Promise<ServiceSpec | undefined> {
  try {
    const out = await docker.output(['service', 'inspect', name]);
    return (JSON.parse(out) as ServiceSpec[])[0];
  } catch (err) {
    if (notFound(err)) return undefined;
    throw err;
  }
}

/**
 * Runs the image by digest as a replicated service: created when missing, updated in place
 * (start-first, rollback on failure) when it runs another digest, recreated when it is not on
 * the demo network.
 */
export async function deployService(docker: DockerCli, t: ServiceTarget): Promise<DeployAction> {
  const existing = await inspectService(docker, t.name);
  const networkId = await docker.output(['network', 'inspect', t.name, '--format', '{{.ID}}']);
  let action: DeployAction = 'created';
  if (existing) {
    const onNetwork = (existing.Spec.TaskTemplate.Networks ?? []).some(
      (n) => n.Target === networkId || n.Target === t.name,
    );
    if (onNetwork) {
      const same = existing.Spec.TaskTemplate.ContainerSpec.Image === t.image;
      await docker.run([
        'service',
        'update',
        '--detach',
        ...serviceFlags(t),
        '--image',
        t.image,
        t.name,
      ]);
      return same ? 'unchanged' : 'updated';
    }
    await removeService(docker, t.name);
    action = 'recreated';
  }
  await docker.run([
    'service',
    'create',
    '--detach',
    '--name',
    t.name,
    '--network',
    t.name,
    '--label',
    'dev.kiln.demo=true',
    ...serviceFlags(t),
    t.image,
  ]);
  return action;
}

interface TaskInspect {
  ID: string;
  Spec: { ContainerSpec: { Image: string } };
  Status: { State: string; ContainerStatus?: { ContainerID?: string } };
}

interface ContainerInspect {
  Id: string;
  State: { Health?: { Status: string } };
  NetworkSettings: { Networks?: Record<string, { IPAddress?: string }> };
}

/** Tasks the swarm wants running now, with their container's health and address. */
export async function currentTasks(docker: DockerCli, name: string): Promise<TaskFacts[]> {
  const ids = (
    await docker.output([
      'service',
      'ps',
      name,
      '--filter',
      'desired-state=running',
      '--no-trunc',
      '--format',
      '{{.ID}}',
    ])
  )
    .split('\n')
    .filter(Boolean);
  if (ids.length === 0) return [];
  const tasks = JSON.parse(
    await docker.output(['inspect', '--type', 'task', ...ids]),
  ) as TaskInspect[];
  const containerIds = tasks
    .map((t) => t.Status.ContainerStatus?.ContainerID)
    .filter((id): id is string => !!id);
  const containers = containerIds.length
    ? (JSON.parse(
        await docker.output(['inspect', '--type', 'container', ...containerIds]),
      ) as ContainerInspect[])
    : [];
  return tasks.map((t) => {
    const cid = t.Status.ContainerStatus?.ContainerID ?? '';
    const c = containers.find((x) => x.Id === cid);
    return {
      task: t.ID,
      container: cid,
      // A swarm-scoped bridge is allocated by the node, so the address is on the container.
      ip: c?.NetworkSettings.Networks?.[name]?.IPAddress ?? '',
      image: t.Spec.ContainerSpec.Image,
      health: t.Status.State !== 'running' ? t.Status.State : (c?.State.Health?.Status ?? 'none'),
    };
  });
}

/**
 * Waits until exactly `replicas` tasks run the digest and are healthy. Fails early when the
 * swarm rolled an update back, and with the tasks' errors on timeout.
 */
export async function waitForService(
  docker: DockerCli,
  t: ServiceTarget,
  opts: { since: Date; timeoutMs: number; log: (line: string) => void },
): Promise<TaskFacts[]> {
  const end = Date.now() + opts.timeoutMs;
  let last = '';
  while (Date.now() < end) {
    const svc = await inspectService(docker, t.name);
    const u = svc?.UpdateStatus;
    if (
      u?.State &&
      /rollback|paused/.test(u.State) &&
      u.StartedAt &&
      new Date(u.StartedAt).getTime() >= opts.since.getTime() - 1000
    ) {
      throw new Error(
        `the swarm did not take ${t.image}: update ${u.State}${u.Message ? ` (${u.Message})` : ''}\n${await taskErrors(docker, t.name)}`,
      );
    }
    const tasks = await currentTasks(docker, t.name);
    const good = tasks.filter((x) => x.image === t.image && x.health === 'healthy' && x.ip);
    const line = `tasks: ${good.length}/${t.replicas} running ${t.image.split('@')[1]?.slice(0, 19)}… and healthy (${tasks.length} wanted running)`;
    if (line !== last) opts.log(line);
    last = line;
    if (good.length === t.replicas && tasks.length === t.replicas) return good;
    await sleep(500);
  }
  throw new Error(
    `timed out after ${opts.timeoutMs / 1000} s waiting for ${t.replicas} healthy tasks of ${t.name} running ${t.image}\n${await taskErrors(docker, t.name)}`,
  );
}

async function taskErrors(docker: DockerCli, name: string): Promise<string> {
  try {
    return await docker.output([
      'service',
      'ps',
      name,
      '--no-trunc',
      '--format',
      '{{.Name}} {{.CurrentState}} {{.Error}}',
    ]);
  } catch (err) {
    return (err as Error).message;
  }
}

/** Removes the service and waits for its containers to go, so its network can be removed. */
export async function removeService(docker: DockerCli, name: string): Promise<boolean> {
  try {
    await docker.run(['service', 'rm', name]);
  } catch (err) {
    if (notFound(err)) return false;
    throw err;
  }
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    const left = await docker.output([
      'ps',
      '--all',
      '--quiet',
      '--filter',
      `label=com.docker.swarm.service.name=${name}`,
    ]);
    if (left === '') return true;
    await sleep(500);
  }
  throw new Error(`containers of service ${name} were still there 60 s after docker service rm`);
}

/** Removes the network; the engine may need a moment after the last task left it. */
export async function removeNetwork(docker: DockerCli, name: string): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await docker.run(['network', 'rm', name]);
      return true;
    } catch (err) {
      if (notFound(err)) return false;
      if (attempt >= 20) throw err;
      await sleep(500);
    }
  }
}
