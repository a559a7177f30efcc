import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigurationError } from '@kiln/core/errors';
import {
  type Descriptor,
  type Digest,
  encodeManifest,
  MediaType,
  OciLayout,
  Registries,
} from '@kiln/core/oci';
import { DockerCli, DockerCommandError } from '@kiln/core/engine';
import { smokeRun, type SmokeOptions, urlProbe } from '@kiln/core/validate';
import { buildBusyboxLayout, pushLayout } from '../support/busybox-image.js';
import { testEnvironment } from '@kiln/local';

const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid}-${Date.now()}`;
const docker = (args: string[]): string =>
  execFileSync('docker', ['-H', dockerHost, ...args], { encoding: 'utf8', stdio: 'pipe' }).trim();
const page = `smoke page ${run}`;
const URL_IN_CONTAINER = 'http://127.0.0.1:8080/';

/** A variant of the busybox image with another cmd (umoci writes a new manifest under `tag`). */
function withCmd(layout: string, from: string, tag: string, cmd: string[]): void {
  execFileSync('umoci', [
    'config',
    '--image',
    `${layout}:${from}`,
    '--tag',
    tag,
    '--clear=config.cmd',
    ...cmd.flatMap((c) => ['--config.cmd', c]),
  ]);
}

/** A variant with a Docker HEALTHCHECK in its config (umoci has no flag for it). */
async function withHealthcheck(
  store: OciLayout,
  from: string,
  tag: string,
  test: string[],
): Promise<Digest> {
  const base = await store.getManifest(from);
  if (base.kind !== 'image') throw new Error('expected an image');
  const config = JSON.parse((await store.readBlob(base.manifest.config)).toString('utf8')) as {
    config: Record<string, unknown>;
  };
  const ms = 1_000_000;
  config.config.Healthcheck = { Test: test, Interval: 300 * ms, Timeout: 2000 * ms, Retries: 2 };
  const configDesc = await store.putBuffer(
    Buffer.from(JSON.stringify(config)),
    MediaType.OciConfig,
  );
  const bytes = encodeManifest({ ...base.manifest, config: configDesc });
  const raw = { bytes, digest: (await store.putBuffer(bytes, MediaType.OciManifest)).digest };
  await store.putManifest({ ...raw, mediaType: MediaType.OciManifest }, { tag });
  return raw.digest;
}

describe('smoke run on the real engine', () => {
  let layoutDir = '';
  let layout: OciLayout;
  const digests: Record<string, Digest> = {};
  let registryImage: { store: SmokeOptions['image']['store']; digest: Digest; reference: string };
  const lines: string[] = [];
  const base = { dockerHost, log: (l: string) => lines.push(l) };

  beforeAll(async () => {
    const built = buildBusyboxLayout({ page });
    layoutDir = built.layout;
    layout = new OciLayout(layoutDir);
    withCmd(layoutDir, built.tag, 'exits', [
      'sh',
      '-c',
      'echo kiln says boom; sleep 0.2; echo to stderr >&2; exit 3',
    ]);
    execFileSync('umoci', [
      'config',
      '--image',
      `${layoutDir}:${built.tag}`,
      '--tag',
      'broken',
      '--config.entrypoint',
      '/bin/no-such-program',
    ]);
    withCmd(layoutDir, built.tag, 'silent', ['sh', '-c', 'echo waiting forever; exec sleep 600']);
    const wget = ['CMD-SHELL', `wget -q -O /dev/null ${URL_IN_CONTAINER}`];
    digests.healthcheck = await withHealthcheck(layout, built.tag, 'healthcheck', wget);
    digests.sick = await withHealthcheck(layout, built.tag, 'sick', ['CMD-SHELL', 'exit 1']);
    for (const tag of [built.tag, 'exits', 'silent', 'broken'])
      digests[tag] = (await layout.resolve(tag)) as Digest;
    const repo = `smoke/app-${run}`;
    const digest = pushLayout(layoutDir, built.tag, `${env.registry.host}/${repo}:v1`) as Digest;
    expect(digest).toBe(digests[built.tag]);
    registryImage = {
      store: new Registries().repository(env.registry.host, repo),
      digest,
      reference: `${env.registry.host}/${repo}@${digest}`,
    };
  }, 120_000);

  afterEach(() => {
    // Whatever the outcome, the engine is left as found.
    expect(docker(['ps', '--all', '--quiet', '--filter', 'name=kiln-smoke'])).toBe('');
    expect(docker(['images', '--quiet', 'kiln-smoke'])).toBe('');
    lines.length = 0;
  });

  afterAll(() => {
    if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
  });

  const layoutImage = (name: string): SmokeOptions['image'] => ({
    store: layout,
    digest: digests[name] as Digest,
  });

  it('passes a registry image via health-url, pulled by digest and removed again', async () => {
    const r = await smokeRun({
      ...base,
      image: registryImage,
      healthUrl: URL_IN_CONTAINER,
      timeoutMs: 20_000,
    });
    expect(r).toMatchObject({ status: 'pass', probe: 'health-url' });
    expect(r.reason).toBeUndefined();
    expect(r.containerId).toMatch(/^[0-9a-f]{64}$/);
    expect(r.attempts).toBeGreaterThanOrEqual(1);
    expect(lines.join('\n')).toContain(`pulling ${registryImage.reference}`);
    // This host reaches the bridge, so the probe needed nothing from the image.
    expect(lines.join('\n')).toMatch(/healthy: HTTP 200 from http:\/\/[\d.]+:8080\//);
    // It pulled the image, so it removed it.
    expect(() => docker(['image', 'inspect', registryImage.reference])).toThrow();
  }, 60_000);

  it('passes via health-cmd, which only the container shell interprets', async () => {
    const r = await smokeRun({
      ...base,
      image: registryImage,
      healthCmd: `test "$(cat /www/index.html)" = "${page}" && wget -q -O /dev/null ${URL_IN_CONTAINER}`,
      timeoutMs: 20_000,
    });
    expect(r).toMatchObject({ status: 'pass', probe: 'health-cmd' });
  }, 60_000);

  it('runs an OCI layout source through docker load, by the checked config digest', async () => {
    const r = await smokeRun({
      ...base,
      image: layoutImage('latest'),
      healthUrl: '/index.html',
      timeoutMs: 20_000,
    });
    expect(r).toMatchObject({ status: 'pass', probe: 'health-url' });
    expect(lines.join('\n')).toMatch(
      /loading oci-layout:.* into the engine as kiln-smoke:[0-9a-f]{12}-/,
    );
    const m = await layout.getManifest(digests.latest as Digest);
    if (m.kind !== 'image') throw new Error('expected an image');
    // It ran the image ID docker load gave, checked to be the config digest.
    expect(lines.join('\n')).toContain(`from ${m.manifest.config.digest}`);
  }, 60_000);

  it("uses the image's own HEALTHCHECK when no probe is given", async () => {
    const ok = await smokeRun({ ...base, image: layoutImage('healthcheck'), timeoutMs: 20_000 });
    expect(ok).toMatchObject({ status: 'pass', probe: 'healthcheck' });
    const sick = await smokeRun({ ...base, image: layoutImage('sick'), timeoutMs: 20_000 });
    expect(sick).toMatchObject({ status: 'fail', probe: 'healthcheck' });
    expect(sick.reason).toContain('HEALTHCHECK reports unhealthy');
    expect(sick.durationMs).toBeLessThan(15_000);
  }, 60_000);

  it('passes an image without any health check once it stays up for 2 s', async () => {
    const r = await smokeRun({ ...base, image: registryImage, timeoutMs: 20_000 });
    expect(r).toMatchObject({ status: 'pass', probe: 'running' });
    expect(r.durationMs).toBeGreaterThanOrEqual(2_000);
  }, 60_000);

  it('fails at once when the container exits, with the exit code and its output', async () => {
    const r = await smokeRun({
      ...base,
      image: layoutImage('exits'),
      healthUrl: URL_IN_CONTAINER,
      timeoutMs: 30_000,
    });
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('exited with code 3');
    expect(r.logTail).toEqual(['kiln says boom', 'to stderr']);
    // Failing fast: nowhere near the 30 s timeout.
    expect(r.durationMs).toBeLessThan(10_000);
  }, 60_000);

  it("fails with the engine's reason when the container cannot start", async () => {
    const r = await smokeRun({ ...base, image: layoutImage('broken'), timeoutMs: 10_000 });
    expect(r.status).toBe('fail');
    expect(r.reason).toMatch(/container did not start: .*no-such-program/);
    expect(r.attempts).toBe(0);
  }, 60_000);

  it('fails at the timeout when health never answers, with the log tail', async () => {
    const r = await smokeRun({
      ...base,
      image: layoutImage('silent'),
      healthUrl: URL_IN_CONTAINER,
      timeoutMs: 3_000,
    });
    expect(r.status).toBe('fail');
    expect(r.reason).toMatch(/not healthy within 3000 ms \(\d+ probes\); last: connection refused/);
    expect(r.attempts).toBeGreaterThan(1);
    expect(r.logTail).toEqual(['waiting forever']);
    expect(r.durationMs).toBeGreaterThanOrEqual(3_000);
    expect(r.durationMs).toBeLessThan(15_000);
  }, 60_000);

  it('reports the last health-cmd failure at the timeout', async () => {
    const r = await smokeRun({
      ...base,
      image: layoutImage('silent'),
      healthCmd: 'echo not yet >&2; exit 7',
      timeoutMs: 2_000,
    });
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('last: health-cmd exited 7: not yet');
  }, 60_000);

  it('probes health-url with wget inside the container when the host cannot reach it', async () => {
    const cli = new DockerCli({ dockerHost });
    const name = `kiln-smoke-probe-${run}`;
    const ref = `${registryImage.reference}`;
    try {
      const id = await cli.output(['run', '--detach', '--name', name, ref]);
      const container = {
        id,
        running: true,
        status: 'running',
        exitCode: 0,
        exposedPorts: ['8080/tcp'],
      };
      const ctx = { docker: cli, container, runningForMs: 0, remainingMs: 5_000 };
      const probe = urlProbe('/', false);
      let outcome = await probe(ctx);
      for (let i = 0; !outcome.healthy && i < 20; i++) {
        await new Promise((r) => setTimeout(r, 250));
        outcome = await probe(ctx);
      }
      expect(outcome).toEqual({
        healthy: true,
        detail: `wget ${URL_IN_CONTAINER} succeeded inside the container`,
      });
      const missing = await urlProbe('/missing.html', false)(ctx);
      expect(missing.healthy).toBe(false);
      expect(missing.detail).toMatch(
        /^wget http:\/\/127\.0\.0\.1:8080\/missing\.html failed: .*404/,
      );
    } finally {
      docker(['rm', '--force', name]);
      docker(['rmi', ref]);
    }
  }, 60_000);

  it('removes what it started when a probe throws', async () => {
    let calls = 0;
    const failing = async (): Promise<void> => {
      calls++;
      throw new Error('interrupted');
    };
    await expect(
      smokeRun({
        ...base,
        image: layoutImage('silent'),
        healthUrl: URL_IN_CONTAINER,
        timeoutMs: 20_000,
        sleep: failing,
      }),
    ).rejects.toThrow('interrupted');
    expect(calls).toBe(1);
  }, 60_000);

  it('refuses to load a layout whose blob fails its digest, and leaves nothing behind', async () => {
    const copy = `${layoutDir}-corrupt`;
    cpSync(layoutDir, copy, { recursive: true });
    try {
      const store = new OciLayout(copy);
      const m = await store.getManifest(digests.latest as Digest);
      if (m.kind !== 'image') throw new Error('expected an image');
      const layer = m.manifest.layers[0] as Descriptor;
      const path = store.blobPath(layer.digest);
      const bytes = readFileSync(path);
      bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 0xff;
      writeFileSync(path, bytes);
      await expect(
        smokeRun({ ...base, image: { store, digest: m.digest }, timeoutMs: 5_000 }),
      ).rejects.toThrow(/docker load --quiet.*: input failed: .*sha256/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a reference that is not pinned to the digest before touching the engine', async () => {
    const other = digests.exits as Digest;
    await expect(
      smokeRun({
        ...base,
        image: { ...registryImage, reference: `${env.registry.host}/smoke/app-${run}@${other}` },
        timeoutMs: 1_000,
      }),
    ).rejects.toThrow(ConfigurationError);
    await expect(
      smokeRun({ ...base, image: registryImage, healthUrl: 'ftp://x/', timeoutMs: 1_000 }),
    ).rejects.toThrow(/health-url/);
    expect(lines).toEqual([]);
  });

  it('reports a failed docker command in one line: its command line and the engine reason; stderr kept', async () => {
    const cli = new DockerCli({ dockerHost });
    const err = await cli
      .run(['inspect', '--type', 'container', 'kiln-no such'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DockerCommandError);
    const message = (err as Error).message;
    expect(message).toContain("docker inspect --type container 'kiln-no such'");
    expect(message).toContain(`DOCKER_HOST=${dockerHost}`);
    expect(message).toMatch(/exit code 1: docker inspect .*: .*No such container/i);
    expect(message).not.toContain('\n');
    expect((err as DockerCommandError).stderr).toMatch(/No such container/i);
  });
});
