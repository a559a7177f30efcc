import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type ArtifactStore,
  copyImage,
  type Descriptor,
  descriptorOf,
  type Digest,
  fallbackTag,
  isArtifactStore,
  OciLayout,
  Registries,
} from '@kiln/core/oci';
import { buildBusyboxLayout, skopeoInspectRaw } from '../support/busybox-image.js';
import { testEnvironment } from '@kiln/local';

const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const EVIDENCE = 'application/vnd.kiln.validation.v1+json';
const SIGNATURE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

const artifact = (type: string, subject: Descriptor, text: string) => ({
  artifactType: type,
  layers: [{ mediaType: 'application/json', data: Buffer.from(text) }],
  subject,
  annotations: { 'dev.kiln.test': text },
});

describe('artifacts in every image store', () => {
  const registries = new Registries();
  const repo = registries.repository(env.registry.host, `artifacts/app-${run}`);
  let work = '';
  let layoutDir = '';
  let digest: Digest;
  let subject: Descriptor;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kiln-artifacts-'));
    const built = buildBusyboxLayout({ page: `artifacts ${run}\n` });
    layoutDir = built.layout;
    const layout = new OciLayout(built.layout);
    digest = (await layout.resolve(built.tag)) as Digest;
    await copyImage(layout, repo, digest, { log: () => {} });
    subject = descriptorOf(await repo.getManifest(digest));
  }, 60_000);

  afterAll(() => {
    if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('N concurrent pushes of referrers of one subject: every one is listed (no referrers API, client-kept index)', async () => {
    const N = 8;
    const pushed = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        // Separate clients, as separate jobs would be.
        new Registries()
          .repository(env.registry.host, `artifacts/app-${run}`)
          .pushArtifact(artifact(EVIDENCE, subject, `{"writer":${i}}`)),
      ),
    );
    const listed = await repo.listReferrers(digest, EVIDENCE);
    expect(listed.map((d) => d.digest).sort()).toEqual(pushed.map((d) => d.digest).sort());
    // The registry itself holds the index the client kept, under the fallback tag.
    const raw = JSON.parse(
      skopeoInspectRaw(`${env.registry.host}/artifacts/app-${run}:${fallbackTag(digest)}`),
    ) as { manifests: Array<{ digest: string; annotations?: Record<string, string> }> };
    expect(new Set(raw.manifests.map((m) => m.digest))).toEqual(
      new Set(pushed.map((d) => d.digest)),
    );
  }, 60_000);

  it('an OCI layout keeps artifacts with the same descriptors and annotations as a registry', async () => {
    const dir = join(work, 'layout');
    const layout = new OciLayout(dir);
    await copyImage(repo, layout, digest, { log: () => {} });
    expect(isArtifactStore(layout)).toBe(true);
    const a = artifact(EVIDENCE, subject, '{"same":true}');
    const inLayout = await layout.pushArtifact(a);
    const inRegistry = await repo.pushArtifact(a);
    expect(inLayout).toEqual(inRegistry);
    expect(await layout.listReferrers(digest, EVIDENCE)).toEqual([inLayout]);
    expect(await layout.listReferrers(digest, SIGNATURE)).toEqual([]);
    // The artifact is a root of index.json and the fallback index is tagged there.
    const index = await layout.readIndex();
    expect(index.manifests.map((m) => m.digest)).toContain(inLayout.digest);
    expect(
      index.manifests.some(
        (m) => m.annotations?.['org.opencontainers.image.ref.name'] === fallbackTag(digest),
      ),
    ).toBe(true);
  });

  it('copyImage with referrers copies them (and theirs) to another registry and to a layout', async () => {
    const src = registries.repository(env.registry.host, `artifacts/copy-${run}`);
    await copyImage(repo, src, digest, { log: () => {} });
    const evidence = await src.pushArtifact(artifact(EVIDENCE, subject, '{"copy":"evidence"}'));
    const signature = await src.pushArtifact(artifact(SIGNATURE, evidence, '{"copy":"sig"}'));
    const targets: ArtifactStore[] = [
      registries.repository(env.registry2.host, `artifacts/copied-${run}`),
      new OciLayout(join(work, 'copied-layout')),
    ];
    for (const target of targets) {
      const r = await copyImage(src, target, digest, { referrers: true, log: () => {} });
      expect(r.referrers).toEqual([
        { subject: digest, digest: evidence.digest, artifactType: EVIDENCE },
        { subject: evidence.digest, digest: signature.digest, artifactType: SIGNATURE },
      ]);
      expect(await target.listReferrers(digest)).toEqual([evidence]);
      expect(await target.listReferrers(evidence.digest)).toEqual([signature]);
      expect(await target.resolve(signature.digest)).toBe(signature.digest);
    }
    const copied = skopeoInspectRaw(
      `${env.registry2.host}/artifacts/copied-${run}@${signature.digest}`,
    );
    expect((JSON.parse(copied) as { subject: { digest: string } }).subject.digest).toBe(
      evidence.digest,
    );
  }, 60_000);
});
