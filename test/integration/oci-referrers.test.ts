import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  copyImage,
  descriptorOf,
  type Digest,
  fallbackTag,
  listReferrers,
  OciLayout,
  pushArtifact,
  Registries,
} from '@kiln/core/oci';
import { buildBusyboxLayout, skopeoInspectRaw } from '../support/busybox-image.js';
import { testEnvironment } from '@kiln/local';

const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const EVIDENCE = 'application/vnd.kiln.validation.v1+json';
const LEDGER = 'application/vnd.kiln.ledger.entry.v1+json';

describe('referrers on a registry without the referrers API', () => {
  let layoutDir = '';
  let digest: Digest;
  const registries = new Registries();
  const repo = registries.repository(env.registry.host, `referrers/app-${run}`);

  beforeAll(async () => {
    const built = buildBusyboxLayout({ page: `referrers ${run}\n` });
    layoutDir = built.layout;
    const layout = new OciLayout(built.layout);
    digest = (await layout.resolve(built.tag)) as Digest;
    await copyImage(layout, repo, digest, { log: () => {} });
  }, 60_000);

  afterAll(() => {
    if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
  });

  it('pushes artifacts with a subject and lists them by artifactType via the fallback tag', async () => {
    const subject = descriptorOf(await repo.getManifest(digest));
    const report = Buffer.from(JSON.stringify({ result: 'pass', run }));
    const evidence = await pushArtifact(repo, {
      artifactType: EVIDENCE,
      layers: [{ mediaType: 'application/json', data: report }],
      subject,
      annotations: { 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' },
    });
    const entry = await pushArtifact(repo, {
      artifactType: LEDGER,
      layers: [{ mediaType: 'application/json', data: Buffer.from('{"seq":1}') }],
      subject,
    });

    // The registry answers 404 for the referrers API, so the client keeps the fallback index.
    const fallback = JSON.parse(
      skopeoInspectRaw(`${env.registry.host}/referrers/app-${run}:${fallbackTag(digest)}`),
    ) as {
      manifests: Array<{ digest: string; artifactType: string }>;
    };
    expect(fallback.manifests.map((m) => m.digest)).toEqual([evidence.digest, entry.digest]);

    const all = await listReferrers(repo, digest);
    expect(all.map((d) => d.artifactType)).toEqual([EVIDENCE, LEDGER]);
    const onlyEvidence = await listReferrers(repo, digest, EVIDENCE);
    expect(onlyEvidence).toHaveLength(1);
    expect(onlyEvidence[0]?.annotations?.['org.opencontainers.image.created']).toBe(
      '2026-01-01T00:00:00Z',
    );

    // The artifact is a real OCI manifest whose subject is the image and whose layer is the report.
    const raw = skopeoInspectRaw(`${env.registry.host}/referrers/app-${run}@${evidence.digest}`);
    expect('sha256:' + createHash('sha256').update(raw).digest('hex')).toBe(evidence.digest);
    const manifest = JSON.parse(raw) as {
      subject: { digest: string };
      artifactType: string;
      layers: Array<{ digest: string; size: number; mediaType: string }>;
    };
    expect(manifest.subject.digest).toBe(digest);
    expect(manifest.artifactType).toBe(EVIDENCE);
    const layer = manifest.layers[0] as { digest: Digest; size: number; mediaType: string };
    expect((await repo.readBlob(layer)).equals(report)).toBe(true);
  });

  it('does not list an artifact twice when pushed again', async () => {
    const subject = descriptorOf(await repo.getManifest(digest));
    const a = {
      artifactType: EVIDENCE,
      layers: [{ mediaType: 'application/json', data: Buffer.from('{"again":true}') }],
      subject,
    };
    await pushArtifact(repo, a);
    await pushArtifact(repo, a);
    const list = await listReferrers(repo, digest, EVIDENCE);
    expect(list.filter((d) => d.size > 0).length).toBe(new Set(list.map((d) => d.digest)).size);
  });

  it('returns an empty list for an image with no referrers', async () => {
    const other = registries.repository(env.registry.host, `referrers/none-${run}`);
    expect(await listReferrers(other, digest)).toEqual([]);
  });
});
