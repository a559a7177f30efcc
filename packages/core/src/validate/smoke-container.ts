import { z } from 'zod';
import { DockerCommandError, type DockerCli } from '../engine/docker-cli.js';

/** What the smoke run needs from `docker inspect` of its container, validated once here. */
const inspectSchema = z.array(
  z.object({
    Id: z.string(),
    State: z.object({
      Status: z.string(),
      Running: z.boolean(),
      ExitCode: z.number(),
      OOMKilled: z.boolean().optional(),
      Error: z.string().optional(),
      Health: z
        .object({
          Status: z.string(),
          Log: z.array(z.object({ ExitCode: z.number(), Output: z.string() })).nullish(),
        })
        .nullish(),
    }),
    Config: z.object({ ExposedPorts: z.record(z.string(), z.unknown()).nullish() }),
    NetworkSettings: z.object({
      IPAddress: z.string().optional(),
      Networks: z.record(z.string(), z.object({ IPAddress: z.string().optional() })).nullish(),
    }),
  }),
);

export interface ContainerState {
  id: string;
  running: boolean;
  /** created, running, exited, dead … */
  status: string;
  exitCode: number;
  /** Why it stopped when the engine knows better than the exit code (OOM, runtime error). */
  problem?: string;
  /** The image's own HEALTHCHECK status, when it declares one. */
  health?: { status: string; lastOutput?: string };
  /** The container's address on its first network with one, reachable from a local engine's host. */
  ip?: string;
  /** e.g. `8080/tcp`, in the image's order. */
  exposedPorts: string[];
}

export async function inspectContainer(docker: DockerCli, id: string): Promise<ContainerState> {
  const raw: unknown = JSON.parse(await docker.output(['inspect', '--type', 'container', id]));
  const parsed = inspectSchema.safeParse(raw);
  if (!parsed.success || !parsed.data[0])
    throw new Error(`docker inspect ${id} returned an unexpected document`);
  const c = parsed.data[0];
  const problems = [c.State.OOMKilled ? 'killed: out of memory' : '', c.State.Error ?? ''];
  const ip =
    c.NetworkSettings.IPAddress ||
    Object.values(c.NetworkSettings.Networks ?? {}).find((n) => n.IPAddress)?.IPAddress;
  const state: ContainerState = {
    id: c.Id,
    running: c.State.Running,
    status: c.State.Status,
    exitCode: c.State.ExitCode,
    exposedPorts: Object.keys(c.Config.ExposedPorts ?? {}),
  };
  const problem = problems.filter(Boolean).join('; ');
  if (problem) state.problem = problem;
  if (ip) state.ip = ip;
  if (c.State.Health) {
    const last = c.State.Health.Log?.at(-1)?.Output.trim();
    state.health = { status: c.State.Health.Status, ...(last ? { lastOutput: last } : {}) };
  }
  return state;
}

/** RFC3339Nano with fixed width, as `docker logs --timestamps` prints it, so it sorts as text. */
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z) ?/;

/**
 * The container's last `lines` lines, stdout and stderr interleaved as they were written: the
 * CLI splits them into two pipes, and their timestamps put them back in order.
 */
export async function logTail(docker: DockerCli, id: string, lines = 30): Promise<string[]> {
  const { stdout, stderr } = await docker.run([
    'logs',
    '--timestamps',
    '--tail',
    String(lines),
    id,
  ]);
  const stamped = [stdout, stderr]
    .flatMap((text) => text.split('\n'))
    .filter((l) => l !== '')
    .map((l) => ({ at: STAMP.exec(l)?.[1] ?? '', text: l.replace(STAMP, '').replace(/\r$/, '') }));
  stamped.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return stamped.slice(-lines).map((l) => l.text);
}

/** True for the engine saying the thing to remove is already gone. */
export function isGone(err: unknown): boolean {
  return err instanceof DockerCommandError && /no such (container|image)/i.test(err.stderr);
}
