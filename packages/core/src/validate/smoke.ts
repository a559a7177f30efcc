import { randomBytes } from 'node:crypto';
import { DockerCli, DockerCommandError } from '../engine/docker-cli.js';
import { ConfigurationError, errorMessage, invalidInput } from '../errors.js';
import { info } from '../log.js';
import { type Digest, digestHex } from '../oci/digest.js';
import { parseReference } from '../oci/reference.js';
import type { ImageStore } from '../oci/store.js';
import { sleep as realSleep } from '../util/retry.js';
import { checkLoadable, dockerArchive, engineImage } from './smoke-archive.js';
import { type ContainerState, inspectContainer, isGone, logTail } from './smoke-container.js';
import {
  checkHealthUrl,
  commandProbe,
  healthcheckProbe,
  type Probe,
  type ProbeKind,
  runningProbe,
  urlProbe,
} from './smoke-probe.js';

export type { ProbeKind } from './smoke-probe.js';

/**
 * The smoke run of validate-image: start the image by digest on the engine, probe it until
 * healthy or the timeout, and always remove what was started. A failure carries the container's
 * last log lines, which is what a reader of a red check needs first.
 */
export interface SmokeOptions {
  image: {
    store: ImageStore;
    digest: Digest;
    /** `repo@sha256:…` when the image is in a registry the engine can pull from; else it is loaded from the store. */
    reference?: string;
  };
  /** Run by the container's /bin/sh; healthy on exit 0. */
  healthCmd?: string;
  /** A path (`/healthz`, on the first exposed port) or a URL as seen from inside the container. */
  healthUrl?: string;
  /** How long the container gets to become healthy, from its start. */
  timeoutMs: number;
  /** DOCKER_HOST of the engine; default the one in `env`. */
  dockerHost?: string;
  env?: NodeJS.ProcessEnv;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export interface SmokeResult {
  status: 'pass' | 'fail';
  /** The whole run, from pull/load to the verdict (cleanup not included). */
  durationMs: number;
  /** Of that, getting the container running (pull or load, then run). */
  startMs: number;
  attempts: number;
  probe: ProbeKind;
  reason?: string;
  /** Last lines of the container's output, on failure. */
  logTail?: string[];
  containerId?: string;
}

const LOG_LINES = 30;
const INTERVAL_MS = 500;
const STABLE_MS = 2_000;
/** Pull, load and run get their own generous limit: the smoke timeout is about the app. */
const START_TIMEOUT_MS = 10 * 60_000;
const CLEANUP_TIMEOUT_MS = 60_000;

export async function smokeRun(opts: SmokeOptions): Promise<SmokeResult> {
  checkOptions(opts);
  const log = opts.log ?? info;
  const wait = opts.sleep ?? realSleep;
  const docker = new DockerCli({
    ...(opts.dockerHost ? { dockerHost: opts.dockerHost } : {}),
    ...(opts.env ? { env: opts.env } : {}),
  });
  const t0 = Date.now();
  const suffix = randomBytes(6).toString('hex');
  const name = `kiln-smoke-${suffix}`;
  const kind: ProbeKind = opts.healthCmd ? 'health-cmd' : opts.healthUrl ? 'health-url' : 'running';
  // Undo steps, run last-first in the finally; each is registered before the step it undoes,
  // so a step that fails half-way is still undone.
  const undo: string[][] = [];
  let attempts = 0;
  let startMs = 0;
  let containerId: string | undefined;

  const verdict = async (
    status: 'pass' | 'fail',
    probe: ProbeKind,
    reason?: string,
  ): Promise<SmokeResult> => {
    const r: SmokeResult = { status, durationMs: Date.now() - t0, startMs, attempts, probe };
    if (containerId) r.containerId = containerId;
    if (reason) r.reason = reason;
    if (status === 'fail') r.logTail = await tailOf(docker, containerId ?? name);
    log(`smoke: ${status}${reason ? `: ${reason}` : ''} (${r.durationMs} ms, ${attempts} probes)`);
    return r;
  };

  try {
    const image = await startable(docker, opts, suffix, undo, log);
    undo.push(['rm', '--force', name]);
    try {
      containerId = await docker.output(
        ['run', '--detach', '--name', name, '--label', 'dev.kiln.smoke=true', image],
        { timeoutMs: START_TIMEOUT_MS },
      );
    } catch (err) {
      // The image is present, so a refusal to start is the image's fault (bad entrypoint, …).
      if (!(err instanceof DockerCommandError) || err.timedOut) throw err;
      startMs = Date.now() - t0;
      return await verdict('fail', kind, `container did not start: ${err.stderr || err.message}`);
    }
    startMs = Date.now() - t0;
    log(`smoke: started ${name} (${containerId.slice(0, 12)}) from ${image}`);

    const started = Date.now();
    const deadline = started + opts.timeoutMs;
    let probe: Probe | undefined;
    let probeKind: ProbeKind = kind;
    let last = 'no probe ran';
    for (;;) {
      const state = await inspectContainer(docker, containerId);
      if (!state.running) return await verdict('fail', probeKind, exitReason(state));
      if (!probe) [probe, probeKind] = chooseProbe(opts, state, docker);
      if (attempts > 0 && Date.now() >= deadline)
        return await verdict(
          'fail',
          probeKind,
          `not healthy within ${opts.timeoutMs} ms (${attempts} probes); last: ${last}`,
        );
      attempts++;
      const now = Date.now();
      const outcome = await probe({
        docker,
        container: state,
        runningForMs: now - started,
        remainingMs: deadline - now,
      });
      if (outcome.healthy) {
        log(`smoke: healthy: ${outcome.detail}`);
        return await verdict('pass', probeKind);
      }
      last = outcome.detail;
      if (outcome.fatal) return await verdict('fail', probeKind, outcome.detail);
      await wait(Math.max(0, Math.min(INTERVAL_MS, deadline - Date.now())));
    }
  } finally {
    await cleanup(docker, undo, log);
  }
}

function checkOptions(opts: SmokeOptions): void {
  if (!(opts.timeoutMs > 0))
    throw invalidInput('smoke-timeout', String(opts.timeoutMs), 'must be a positive duration');
  if (opts.healthCmd !== undefined && opts.healthUrl !== undefined)
    throw new ConfigurationError('Give health-cmd or health-url, not both');
  if (opts.healthCmd !== undefined && opts.healthCmd.trim() === '')
    throw invalidInput('health-cmd', opts.healthCmd, 'must not be empty');
  if (opts.healthUrl !== undefined) checkHealthUrl(opts.healthUrl);
  const { reference, digest } = opts.image;
  if (reference !== undefined && parseReference(reference).digest !== digest)
    throw invalidInput('image', reference, `must be pinned to the image's digest ${digest}`);
}

/**
 * Makes the image runnable on the engine and returns what `docker run` takes. A registry image is
 * pulled by digest; anything else is streamed from the store into `docker load`, and run by the
 * image ID just checked to equal the config digest (the identity `docker load` keeps).
 */
async function startable(
  docker: DockerCli,
  opts: SmokeOptions,
  suffix: string,
  undo: string[][],
  log: (line: string) => void,
): Promise<string> {
  const { store, digest, reference } = opts.image;
  if (reference) {
    // Leave the engine as found: remove the image afterwards only if this run pulled it.
    const present = await docker.run(['image', 'inspect', reference]).then(
      () => true,
      (err: unknown) => (isGone(err) ? false : Promise.reject(err)),
    );
    if (!present) {
      log(`smoke: pulling ${reference}`);
      undo.push(['rmi', reference]);
      await docker.run(['pull', '--quiet', reference], { timeoutMs: START_TIMEOUT_MS });
    }
    return reference;
  }
  const platform = (): Promise<string> =>
    docker.output(['version', '--format', '{{.Server.Os}}/{{.Server.Arch}}']);
  const image = await engineImage(store, digest, platform);
  checkLoadable(`${store.label}@${image.digest}`, image.manifest);
  // A tag per run, so concurrent runs of one image never remove each other's.
  const tag = `kiln-smoke:${digestHex(image.digest).slice(0, 12)}-${suffix}`;
  log(`smoke: loading ${store.label}@${image.digest} into the engine as ${tag}`);
  undo.push(['rmi', tag]);
  await docker.run(['load', '--quiet'], {
    input: dockerArchive(store, image.manifest, tag),
    timeoutMs: START_TIMEOUT_MS,
  });
  const id = await docker.output(['image', 'inspect', '--format', '{{.Id}}', tag]);
  if (id !== image.manifest.config.digest)
    throw new Error(
      `docker load gave ${tag} the ID ${id}, not the config digest ${image.manifest.config.digest}`,
    );
  return id;
}

function chooseProbe(
  opts: SmokeOptions,
  state: ContainerState,
  docker: DockerCli,
): [Probe, ProbeKind] {
  if (opts.healthCmd) return [commandProbe(opts.healthCmd), 'health-cmd'];
  if (opts.healthUrl) return [urlProbe(opts.healthUrl, isLocalEngine(docker)), 'health-url'];
  if (state.health) return [healthcheckProbe, 'healthcheck'];
  return [runningProbe(Math.min(STABLE_MS, opts.timeoutMs)), 'running'];
}

/** Only a local engine's bridge addresses are reachable from this host. */
function isLocalEngine(docker: DockerCli): boolean {
  const host = docker.dockerHost;
  return (
    !host ||
    /^(unix|npipe):/.test(host) ||
    /^tcp:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\/?$/.test(host)
  );
}

function exitReason(state: ContainerState): string {
  const why = state.problem ? ` (${state.problem})` : '';
  return `container exited with code ${state.exitCode} before it was healthy${why}`;
}

async function tailOf(docker: DockerCli, container: string): Promise<string[]> {
  try {
    return await logTail(docker, container, LOG_LINES);
  } catch (err) {
    return isGone(err) ? [] : [`(could not read the container's logs: ${errorMessage(err)})`];
  }
}

async function cleanup(
  docker: DockerCli,
  undo: string[][],
  log: (l: string) => void,
): Promise<void> {
  for (const args of undo.reverse()) {
    try {
      await docker.run(args, { timeoutMs: CLEANUP_TIMEOUT_MS });
    } catch (err) {
      // Never mask the run's own outcome; say what may be left behind.
      if (!isGone(err)) log(`warning: smoke: cleanup failed: ${errorMessage(err)}`);
    }
  }
}
