import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { ConfigurationError } from '@kiln/core/errors';
import { type Digest, listReferrers, OciLayout, parseReference, Registries } from '@kiln/core/oci';
import { fromRecord } from '@kiln/core/inputs';
import { parseValidateRequest, VALIDATION_ARTIFACT_TYPE, validateImage } from '@kiln/core/validate';
import {
  testEnvironment,
  type FaultProxy,
  startFaultProxy,
  bakeBusyboxBase,
  sampleAppInputs,
} from '@kiln/local';

const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const REVISION = 'c'.repeat(40);
const quiet = (): void => {};

const POLICY = `# the sample app's policy
max-size: 10MB
max-layers: 5
required-labels: [org.opencontainers.image.revision]
revision: true
non-root: true
secrets: true
healthcheck: true
`;

describe('validate-image against the real registry and engine', () => {
  const registries = new Registries();
  let work = '';
  let policyFile = '';
  let image = '';
  let digest: Digest;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kiln-validate-'));
    policyFile = join(work, 'policy.yml');
    writeFileSync(policyFile, POLICY);
    const base = await bakeBusyboxBase(env.registry.host, { repository: `validate/base-${run}` });
    const inputs = sampleAppInputs(env.registry.host, base.image, {
      image: `${env.registry.host}/validate/shop-${run}`,
      'source-date-epoch': '1700000000',
    });
    const saved = process.env.GITHUB_SHA;
    process.env.GITHUB_SHA = REVISION;
    try {
      const r = await bake(parseBakeRequest(fromRecord(inputs)), registries, quiet);
      image = r.image;
      digest = r.digest;
    } finally {
      if (saved === undefined) delete process.env.GITHUB_SHA;
      else process.env.GITHUB_SHA = saved;
    }
  }, 60_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const request = (inputs: Record<string, string>) =>
    parseValidateRequest(fromRecord({ 'smoke-timeout': '30s', ...inputs }), work, REVISION);

  it('passes policy and smoke, and stores the report as a referrer of the image', async () => {
    const r = await validateImage(
      request({ image, policy: policyFile, 'health-url': 'http://127.0.0.1:8080/' }),
      registries,
      { log: quiet, reportDir: work },
    );
    expect(r.report.rules.filter((x) => x.status === 'fail')).toEqual([]);
    expect(r.report.smoke?.status).toBe('pass');
    expect(r.result).toBe('pass');

    const ref = parseReference(image);
    const repo = registries.repository(ref.registry, ref.repository);
    const listed = await listReferrers(repo, digest, VALIDATION_ARTIFACT_TYPE);
    expect(listed.map((d) => d.digest)).toContain(r.evidence);
    const artifact = await repo.getManifest(r.evidence);
    if (artifact.kind !== 'image') throw new Error('artifact manifest expected');
    expect(artifact.manifest.subject?.digest).toBe(digest);
    expect(artifact.manifest.artifactType).toBe(VALIDATION_ARTIFACT_TYPE);
    const stored = await repo.readBlob(artifact.manifest.layers[0] as never);
    expect(stored.equals(readFileSync(r.reportPath))).toBe(true);
    const json = JSON.parse(stored.toString('utf8')) as {
      image: { digest: string };
      result: string;
      commit?: string;
    };
    expect(json.image.digest).toBe(digest);
    expect(json.result).toBe('pass');
  }, 90_000);

  it('fails on a policy violation with the evidence it used, and still records it', async () => {
    const strict = join(work, 'strict.yml');
    writeFileSync(strict, 'max-size: 1kB\nforbidden-paths: ["www/**"]\n');
    const r = await validateImage(request({ image, policy: strict, smoke: 'false' }), registries, {
      log: quiet,
      reportDir: work,
    });
    expect(r.result).toBe('fail');
    const failed = r.report.rules.filter((x) => x.status === 'fail').map((x) => x.rule);
    expect(failed).toEqual(expect.arrayContaining(['max-size', 'forbidden-paths']));
    expect(r.policy.source?.lines['max-size']).toBe(1);
    expect(r.evidence).toMatch(/^sha256:/);
  }, 60_000);

  it('validates an OCI layout and keeps the evidence inside it', async () => {
    const layoutDir = join(work, 'layout');
    const base = await bakeBusyboxBase(env.registry.host, { repository: `validate/base-${run}` });
    const baked = await bake(
      parseBakeRequest(
        fromRecord(
          sampleAppInputs(env.registry.host, base.image, {
            output: `oci-layout:${layoutDir}`,
            'source-date-epoch': '1700000000',
          }),
        ),
      ),
      registries,
      quiet,
    );
    const r = await validateImage(
      request({
        image: baked.image,
        'expect-revision': baked.revision ?? '',
        'health-cmd': 'wget -q -O /dev/null http://127.0.0.1:8080/',
      }),
      registries,
      {
        log: quiet,
        reportDir: work,
      },
    );
    expect(r.report.smoke?.status).toBe('pass');
    const index = await new OciLayout(layoutDir).readIndex();
    expect(index.manifests.map((m) => m.digest)).toContain(r.evidence);
    const artifact = await new OciLayout(layoutDir).getManifest(r.evidence);
    expect(artifact.kind === 'image' && artifact.manifest.subject?.digest).toBe(baked.digest);
  }, 90_000);

  describe('bad inputs fail before any remote call', () => {
    let proxy: FaultProxy;
    beforeAll(async () => {
      proxy = await startFaultProxy(env.registry.host);
    });
    afterAll(async () => proxy?.stop());

    const expectNoRequest = async (
      inputs: Record<string, string>,
      message: RegExp,
    ): Promise<void> => {
      proxy.resetStats();
      const attempt = async () =>
        validateImage(request(inputs), registries, { log: quiet, reportDir: work });
      await expect(attempt()).rejects.toThrow(ConfigurationError);
      await expect(attempt()).rejects.toThrow(message);
      expect(proxy.stats().requests).toHaveLength(0);
    };

    it('refuses a tag instead of a digest', async () => {
      await expectNoRequest(
        { image: `${proxy.host}/validate/shop-${run}:latest` },
        /Input "image" has value ".*:latest": it must be pinned by digest/,
      );
    });

    it('refuses a missing policy file', async () => {
      await expectNoRequest(
        { image: `${proxy.host}/validate/shop-${run}@${digest}`, policy: 'nope.yml' },
        /Input "policy" has value "nope.yml": file does not exist/,
      );
    });

    it('refuses a policy with an unknown key, naming it and its line', async () => {
      const bad = join(work, 'unknown.yml');
      writeFileSync(bad, 'max-size: 10MB\nmax-sise: 5MB\n');
      await expectNoRequest(
        { image: `${proxy.host}/validate/shop-${run}@${digest}`, policy: bad },
        /unknown\.yml:2:\d+: .*max-sise/,
      );
    });
  });
});
