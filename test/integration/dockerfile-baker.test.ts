import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  bakeImage,
  bakeWithDockerfile,
  type DockerfileBakeOptions,
  parseBakeRequest,
} from '@kiln/core/bake';
import { ConfigurationError } from '@kiln/core/errors';
import { DockerCli, DockerCommandError } from '@kiln/core/engine';
import { fromRecord } from '@kiln/core/inputs';
import { parseReference, Registries } from '@kiln/core/oci';
import { testEnvironment } from '@kiln/local';

// Builds with the real engine and pushes to the real registry; checks with skopeo, which
// shares no code with Kiln, that the reported digest is the one the registry serves.
const env = testEnvironment();
const run = promisify(execFile);
const sha = (b: Buffer): string => 'sha256:' + createHash('sha256').update(b).digest('hex');
const id = `${process.pid}-${Date.now()}`;
const NO_ENGINE = 'unix:///nonexistent/kiln/docker.sock';

const skopeo = async (args: string[]): Promise<Buffer> =>
  (await run('skopeo', [...args, '--tls-verify=false'], { encoding: 'buffer' })).stdout;

describe('bakeWithDockerfile', () => {
  let work = '';
  let context = '';
  const registries = new Registries();
  const repository = parseReference(`${env.registry.host}/dockerfile-bake/app-${id}`);
  const base = (): DockerfileBakeOptions => ({
    context,
    dockerfile: join(context, 'Dockerfile'),
    repository,
    tags: ['v1', 'stable'],
    sourceDateEpoch: 1_700_000_000,
    labels: { 'org.opencontainers.image.revision': `rev-${id}` },
    push: true,
    dockerHost: env.engine.dockerHost,
    registries,
    log: () => {},
  });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'kiln-dockerfile-'));
    context = join(work, 'ctx');
    mkdirSync(context);
    copyFileSync('/bin/busybox', join(context, 'busybox'));
    writeFileSync(
      join(context, 'Dockerfile'),
      'FROM scratch\nCOPY busybox /bin/busybox\nCMD ["/bin/busybox","httpd","-f","-p","8080"]\n',
    );
    writeFileSync(join(work, 'Dockerfile.outside'), 'FROM scratch\n');
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    // The engine keeps the built image; by ID, since a pushed image stays listed by digest.
    const docker = new DockerCli({ dockerHost: env.engine.dockerHost });
    const name = `${repository.registry}/${repository.repository}:v1`;
    const imageId = await docker
      .output(['image', 'inspect', '--format', '{{.Id}}', name])
      .catch(() => '');
    if (imageId) await docker.run(['image', 'rm', '--force', imageId]);
  });

  it('reports the digest the registry serves, tags aliases on the same bytes', async () => {
    const result = await bakeWithDockerfile({ ...base(), platform: 'linux/amd64' });
    const name = `${repository.registry}/${repository.repository}`;
    expect(result.image).toBe(`${name}@${result.digest}`);
    expect(['buildx', 'classic']).toContain(result.builder);

    const raw = await skopeo(['inspect', '--raw', `docker://${name}:v1`]);
    expect(result.digest).toBe(sha(raw));
    const second = await skopeo(['inspect', '--raw', `docker://${name}:stable`]);
    expect(sha(second)).toBe(result.digest);

    const config = JSON.parse(
      (await skopeo(['inspect', '--config', `docker://${name}@${result.digest}`])).toString(),
    ) as { config?: { Labels?: Record<string, string>; Cmd?: string[] } };
    expect(config.config?.Labels?.['org.opencontainers.image.revision']).toBe(`rev-${id}`);
    expect(config.config?.Cmd).toEqual(['/bin/busybox', 'httpd', '-f', '-p', '8080']);
  }, 120_000);

  // Pointing at a socket that does not exist makes any engine call fail with a docker error,
  // so getting the configuration error proves validation ran first.
  it('a working bake against a missing engine fails with the docker command', async () => {
    const err = await bakeWithDockerfile({ ...base(), dockerHost: NO_ENGINE }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DockerCommandError);
    expect((err as Error).message).toMatch(/docker .*build .*nonexistent/s);
  });

  it.each([
    ['outside the context', () => join(work, 'Dockerfile.outside'), /must be inside the context/],
    ['missing', () => join(context, 'Nope.Dockerfile'), /must be an existing file/],
  ])('a dockerfile %s fails before any engine call', async (_what, path, rule) => {
    const dockerfile = path();
    const err = await bakeWithDockerfile({ ...base(), dockerfile, dockerHost: NO_ENGINE }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toContain(`Input "dockerfile" has value "${dockerfile}"`);
    expect((err as Error).message).toMatch(rule);
  });

  it('push: false is refused, pointing at the native baker', async () => {
    const err = await bakeWithDockerfile({ ...base(), push: false, dockerHost: NO_ENGINE }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/needs a registry.*oci-layout:DIR/);
  });

  it.each([
    [{ tags: ['bad tag'] }, /Input "tags" has value "bad tag"/],
    [{ labels: { 'a=b': 'c' } }, /Input "labels"/],
    [{ platform: 'linux/amd64,linux/arm64' }, /Input "platform".*one platform/],
  ])('bad input %j fails before any engine call', async (extra, message) => {
    const err = await bakeWithDockerfile({ ...base(), ...extra, dockerHost: NO_ENGINE }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(message);
  });

  it('runs behind bake-image when the dockerfile input is given', async () => {
    const request = parseBakeRequest(
      fromRecord({
        image: `${repository.registry}/${repository.repository}`,
        context,
        dockerfile: join(context, 'Dockerfile'),
        tags: 'via-action',
        'source-date-epoch': '1700000000',
      }),
    );
    const result = await bakeImage(request, registries, () => {});
    const name = `${repository.registry}/${repository.repository}`;
    expect(sha(await skopeo(['inspect', '--raw', `docker://${name}:via-action`]))).toBe(
      result.digest,
    );
    expect(result.image).toBe(`${name}@${result.digest}`);
    expect(result.layers).toHaveLength(1);
    expect(result.appLayer.digest).toBe(result.layers[0]?.digest);
    const config = JSON.parse(
      (await skopeo(['inspect', '--config', `docker://${name}:via-action`])).toString(),
    ) as {
      config: { Labels: Record<string, string> };
    };
    expect(config.config.Labels['org.opencontainers.image.created']).toBe('2023-11-14T22:13:20Z');
  }, 120_000);
});
