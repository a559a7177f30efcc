import { DockerCommandError, type DockerCli } from '../engine/docker-cli.js';
import { invalidInput } from '../errors.js';
import type { ContainerState } from './smoke-container.js';

/** How health is judged, in order of preference: the user's probe, the image's, or "stays up". */
export type ProbeKind = 'health-cmd' | 'health-url' | 'healthcheck' | 'running';

export interface ProbeOutcome {
  healthy: boolean;
  /** What the probe saw, for the failure reason and the log. */
  detail: string;
  /** No point in asking again (the image cannot run the probe, or reported itself unhealthy). */
  fatal?: boolean;
}

export interface ProbeContext {
  docker: DockerCli;
  container: ContainerState;
  /** Since the container started. */
  runningForMs: number;
  /** Left before the smoke timeout: a hung probe must not outlive it. */
  remainingMs: number;
}

export type Probe = (ctx: ProbeContext) => Promise<ProbeOutcome>;

/** A runtime that cannot start the probe at all (no /bin/sh, no wget): asking again won't help. */
const CANNOT_EXEC = /OCI runtime exec failed|executable file not found|no such file or directory/i;
const probeTimeout = (ctx: ProbeContext): number => Math.max(1_000, ctx.remainingMs);

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? '';
}

/** `health-cmd`: run by the container's shell, like a Dockerfile `HEALTHCHECK CMD-SHELL`. */
export function commandProbe(cmd: string): Probe {
  return async (ctx) => {
    try {
      // argv, not a host shell: the string reaches only the container's /bin/sh.
      await ctx.docker.run(['exec', ctx.container.id, '/bin/sh', '-c', cmd], {
        timeoutMs: probeTimeout(ctx),
      });
      return { healthy: true, detail: 'health-cmd exited 0' };
    } catch (err) {
      if (!(err instanceof DockerCommandError)) throw err;
      if (err.timedOut) return { healthy: false, detail: 'health-cmd did not finish in time' };
      if (CANNOT_EXEC.test(err.stderr) && err.exitCode !== null && err.exitCode >= 126)
        return {
          healthy: false,
          fatal: true,
          detail: `health-cmd cannot run in the container: ${lastLine(err.stderr)}`,
        };
      const said = lastLine(err.stderr);
      return {
        healthy: false,
        detail: `health-cmd exited ${err.exitCode ?? 'abnormally'}${said ? `: ${said}` : ''}`,
      };
    }
  };
}

/** Checks `health-url` before anything starts: a path (`/healthz`) or an http(s) URL. */
export function checkHealthUrl(value: string): void {
  const rule = 'must be a path inside the container (/healthz) or an http(s) URL';
  if (value.startsWith('/')) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidInput('health-url', value, rule);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalidInput('health-url', value, rule);
}

/** A path becomes a URL on the image's first exposed TCP port (80 when it exposes none). */
export function containerUrl(value: string, exposedPorts: string[]): URL {
  if (!value.startsWith('/')) return new URL(value);
  const port = exposedPorts.find((p) => p.endsWith('/tcp'))?.split('/')[0] ?? '80';
  return new URL(`http://127.0.0.1:${port}${value}`);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '0.0.0.0', '[::1]']);

/**
 * `health-url`, as seen from inside the container. Preferred: fetch from here at the container's
 * bridge address, which needs nothing in the image. Fallback: `wget` inside the container, for
 * engines whose bridge this host cannot reach (remote DOCKER_HOST, Docker Desktop).
 */
export function urlProbe(value: string, hostCanReach: boolean): Probe {
  let viaHost = hostCanReach;
  return async (ctx) => {
    const url = containerUrl(value, ctx.container.exposedPorts);
    const ip = ctx.container.ip;
    if (viaHost && ip && url.protocol === 'http:' && LOOPBACK.has(url.hostname)) {
      const direct = new URL(url);
      direct.hostname = ip;
      const perTry = Math.min(2_000, probeTimeout(ctx));
      try {
        const res = await fetch(direct, {
          redirect: 'manual',
          signal: AbortSignal.timeout(perTry),
        });
        await res.body?.cancel();
        return res.status < 400
          ? { healthy: true, detail: `HTTP ${res.status} from ${direct.href}` }
          : { healthy: false, detail: `HTTP ${res.status} from ${direct.href}` };
      } catch (err) {
        // Refused means the address answers and the app is not listening yet; anything else
        // (unreachable, timeout) means this host cannot see the bridge: stop trying it.
        const code = (err as { cause?: { code?: string } }).cause?.code;
        if (code === 'ECONNREFUSED')
          return { healthy: false, detail: `connection refused at ${direct.href}` };
        viaHost = false;
      }
    }
    return wgetInside(ctx, url);
  };
}

async function wgetInside(ctx: ProbeContext, url: URL): Promise<ProbeOutcome> {
  // No `-T`: busybox 1.35's wget crashes with it. The client's timeout bounds the probe instead.
  const argv = ['exec', ctx.container.id, 'wget', '-q', '-O', '/dev/null', url.href];
  try {
    await ctx.docker.run(argv, { timeoutMs: probeTimeout(ctx) });
    return { healthy: true, detail: `wget ${url.href} succeeded inside the container` };
  } catch (err) {
    if (!(err instanceof DockerCommandError)) throw err;
    if (CANNOT_EXEC.test(err.stderr) && err.exitCode !== null && err.exitCode >= 126)
      return {
        healthy: false,
        fatal: true,
        detail: `health-url ${url.href} is not reachable from this host and the image has no wget to probe it from inside`,
      };
    const said = lastLine(err.stderr);
    return { healthy: false, detail: `wget ${url.href} failed${said ? `: ${said}` : ''}` };
  }
}

/** The image's own HEALTHCHECK, as the engine runs it. */
export const healthcheckProbe: Probe = async ({ container }) => {
  const h = container.health;
  const said = h?.lastOutput ? `: ${h.lastOutput}` : '';
  if (h?.status === 'healthy') return { healthy: true, detail: 'HEALTHCHECK reports healthy' };
  if (h?.status === 'unhealthy')
    return { healthy: false, fatal: true, detail: `HEALTHCHECK reports unhealthy${said}` };
  return { healthy: false, detail: `HEALTHCHECK status ${h?.status ?? 'unknown'}${said}` };
};

/** No probe at all: the container must stay up this long. */
export function runningProbe(stableMs: number): Probe {
  return async ({ runningForMs }) =>
    runningForMs >= stableMs
      ? { healthy: true, detail: `running for ${runningForMs} ms` }
      : { healthy: false, detail: `running for ${runningForMs} ms of ${stableMs}` };
}
