import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  copyImage,
  CopyVerificationError,
  inspectImage,
  ManifestError,
  MediaType,
  Registries,
} from '@kiln/core/oci';
import {
  digestOf,
  type HostileRegistry,
  startHostileRegistry,
} from '../support/hostile-registry.js';
import { runKiln } from '../support/run-cli.js';

// Manifests built to be read two ways (CVE-2021-41190 and relatives) are refused where they are
// parsed, before anything is written anywhere, with the reference named, exit 2, and no retry.

const kiln = runKiln;

const json = (value: unknown): string => JSON.stringify(value);

describe('hostile manifests', () => {
  let source: HostileRegistry;
  let target: HostileRegistry;
  const registries = new Registries({ sleep: async () => {} });
  let config: { mediaType: string; digest: string; size: number };
  let layer: { mediaType: string; digest: string; size: number };

  beforeAll(async () => {
    source = await startHostileRegistry();
    target = await startHostileRegistry();
    const configBytes = json({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers' } });
    config = {
      mediaType: MediaType.OciConfig,
      digest: source.serveBlob(configBytes),
      size: configBytes.length,
    };
    layer = { mediaType: MediaType.OciLayerGzip, digest: source.serveBlob('layer'), size: 5 };
  });
  afterAll(async () => {
    await source?.stop();
    await target?.stop();
  });
  beforeEach(() => {
    source.clearRequests();
    target.clearRequests();
  });

  const image = (extra: Record<string, unknown> = {}): string =>
    json({ schemaVersion: 2, mediaType: MediaType.OciManifest, config, layers: [layer], ...extra });
  const descriptor = (bytes: string, mediaType: string) => ({
    mediaType,
    digest: digestOf(bytes),
    size: Buffer.byteLength(bytes),
  });

  /** What the target saw: nothing written, whatever it was asked. */
  const targetUntouched = (): void => {
    expect(target.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
  };

  it('kiln inspect refuses a manifest with both "layers" and "manifests", once, exit 2', async () => {
    const body = json({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [descriptor(image(), MediaType.OciManifest)],
      layers: [layer],
      config,
    });
    const digest = source.serveManifest('app', body, MediaType.OciIndex);
    const r = await kiln(['inspect', `${source.host}/app@${digest}`]);
    expect(r.stderr.trim()).toBe(
      `kiln: ${source.host}/app@${digest}: manifest has both "layers" and "manifests" (ambiguous; refused)`,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // Refused, not retried: the same bytes would come back.
    expect(source.requestsTo(`/v2/app/manifests/${digest}`, 'GET')).toHaveLength(1);
  }, 30_000);

  it('kiln copy refuses an image manifest served as an index (CVE-2021-41190), writing nothing', async () => {
    const body = image();
    const digest = source.serveManifest('cve', body, MediaType.OciIndex, ['v1']);
    const r = await kiln(['copy', `${source.host}/cve:v1`, `${target.host}/cve`]);
    expect(r.stderr.trim().split('\n').pop()).toBe(
      `kiln: ${source.host}/cve@${digest}: manifest declares media type "${MediaType.OciManifest}" but was served as "${MediaType.OciIndex}" (ambiguous; refused)`,
    );
    expect(r.code).toBe(2);
    expect(source.requestsTo(`/v2/cve/manifests/${digest}`, 'GET')).toHaveLength(1);
    targetUntouched();
  }, 30_000);

  it('refuses a body without mediaType whose Content-Type says the other kind', async () => {
    const body = json({ schemaVersion: 2, config, layers: [layer] });
    const digest = source.serveManifest('shape', body, MediaType.DockerManifestList);
    const err = await inspectImage(
      registries.repository(source.host, 'shape'),
      digest as never,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as Error).message).toBe(
      `${source.host}/shape@${digest}: manifest was served as "${MediaType.DockerManifestList}" but its body is an image manifest (ambiguous; refused)`,
    );
  });

  it.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"sha256:x"'],
    ['a number', '42'],
  ])('refuses JSON that is %s', async (kind, body) => {
    const digest = source.serveManifest('notobject', body, MediaType.OciManifest);
    await expect(
      inspectImage(registries.repository(source.host, 'notobject'), digest as never),
    ).rejects.toThrow(
      new ManifestError(
        `${source.host}/notobject@${digest}`,
        `manifest is not a JSON object (got ${kind}; refused)`,
      ),
    );
    expect(source.requestsTo(`/v2/notobject/manifests/${digest}`, 'GET')).toHaveLength(1);
  });

  it('refuses an unknown media type (Docker schema 1)', async () => {
    const type = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
    const body = json({ schemaVersion: 1, mediaType: type, fsLayers: [] });
    const digest = source.serveManifest('schema1', body, type);
    await expect(
      inspectImage(registries.repository(source.host, 'schema1'), digest as never),
    ).rejects.toThrow(
      `${source.host}/schema1@${digest}: manifest has unknown media type "${type}" (refused)`,
    );
  });

  it('refuses a nested index whose child is ambiguous, naming the child, before writing', async () => {
    const good = image();
    source.serveManifest('nested', good, MediaType.OciManifest);
    const bad = json({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [descriptor(good, MediaType.OciManifest)],
      layers: [layer],
    });
    const badDigest = source.serveManifest('nested', bad, MediaType.OciIndex);
    const root = json({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [descriptor(good, MediaType.OciManifest), descriptor(bad, MediaType.OciIndex)],
    });
    const rootDigest = source.serveManifest('nested', root, MediaType.OciIndex);
    const r = await kiln(['copy', `${source.host}/nested@${rootDigest}`, `${target.host}/nested`]);
    expect(r.stderr.trim().split('\n').pop()).toBe(
      `kiln: ${source.host}/nested@${badDigest}: manifest has both "layers" and "manifests" (ambiguous; refused)`,
    );
    expect(r.code).toBe(2);
    targetUntouched();
  }, 30_000);

  it('refuses an index entry that names an index as an image manifest', async () => {
    const good = image();
    source.serveManifest('entry', good, MediaType.OciManifest);
    const inner = json({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [descriptor(good, MediaType.OciManifest)],
    });
    const innerDigest = source.serveManifest('entry', inner, MediaType.OciIndex);
    const root = json({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [descriptor(inner, MediaType.OciManifest)],
    });
    const rootDigest = source.serveManifest('entry', root, MediaType.OciIndex);
    const dst = registries.repository(target.host, 'entry');
    await expect(
      copyImage(registries.repository(source.host, 'entry'), dst, rootDigest as never, {
        log: () => {},
      }),
    ).rejects.toThrow(
      `${source.host}/entry@${rootDigest}: lists ${innerDigest} as "${MediaType.OciManifest}" but it is "${MediaType.OciIndex}" (ambiguous; refused)`,
    );
    targetUntouched();
  });

  it('never reports success when the target drops a nested child manifest', async () => {
    const good = image();
    const goodDigest = source.serveManifest('lax', good, MediaType.OciManifest);
    const inner = json({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [descriptor(good, MediaType.OciManifest)],
    });
    source.serveManifest('lax', inner, MediaType.OciIndex);
    const root = json({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [descriptor(inner, MediaType.OciIndex)],
    });
    const rootDigest = source.serveManifest('lax', root, MediaType.OciIndex);
    // A lax target: acknowledges the image manifest, keeps nothing.
    target.on({
      method: 'PUT',
      path: `/v2/lax/manifests/${goodDigest}`,
      respond: (_req, res) => {
        res.writeHead(201, { 'docker-content-digest': goodDigest, 'content-length': 0 });
        res.end();
      },
    });
    try {
      const err = await copyImage(
        registries.repository(source.host, 'lax'),
        registries.repository(target.host, 'lax'),
        rootDigest as never,
        { log: () => {} },
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(CopyVerificationError);
      expect((err as Error).message).toBe(
        `copy to ${target.host}/lax did not verify: target holds nothing for ${goodDigest} (listed by ${rootDigest})`,
      );
      // Children went up before their parents, at every level.
      expect(target.requestsTo(/\/v2\/lax\/manifests\//, 'PUT').map((q) => q.pathname)).toEqual(
        [goodDigest, digestOf(inner), rootDigest].map((d) => `/v2/lax/manifests/${d}`),
      );
    } finally {
      target.clearRules();
    }
  });

  it('kiln copy to an OCI layout of a refused manifest leaves no layout behind', async () => {
    const digest = source.serveManifest('tolayout', image(), MediaType.DockerManifest);
    const out = mkdtempSync(join(tmpdir(), 'kiln-hostile-'));
    try {
      const r = await kiln([
        'copy',
        `${source.host}/tolayout@${digest}`,
        `oci-layout:${join(out, 'l')}`,
      ]);
      expect(r.stderr.trim().split('\n').pop()).toBe(
        `kiln: ${source.host}/tolayout@${digest}: manifest declares media type "${MediaType.OciManifest}" but was served as "${MediaType.DockerManifest}" (ambiguous; refused)`,
      );
      expect(r.code).toBe(2);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 30_000);
});
