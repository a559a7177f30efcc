/**
 * The policy gate proves what it claims, on images pushed to the real registry: allowed-bases
 * compares the recorded base's layers with the image's, and non-root resolves USER through the
 * image's own /etc/passwd as the engine does (checked against the engine itself).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pack as tarPack } from 'tar-stream';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { fromRecord } from '@kiln/core/inputs';
import {
  type Descriptor,
  type Digest,
  encodeManifest,
  type ImageManifest,
  MediaType,
  parseManifest,
  parseReference,
  Registries,
} from '@kiln/core/oci';
import { parseValidateRequest, type RuleResult, validateImage } from '@kiln/core/validate';
import { bakeBusyboxBase, sampleAppInputs, testEnvironment } from '@kiln/local';

const env = testEnvironment();
const host = env.registry.host;
const run = `${process.pid}-${Date.now()}`;
const REVISION = 'd'.repeat(40);
const quiet = (): void => {};
const BASE_NAME = 'org.opencontainers.image.base.name';
const BASE_DIGEST = 'org.opencontainers.image.base.digest';

interface Entry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  linkname?: string;
  content?: string;
}

const sha = (b: Buffer): Digest => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A gzip tar layer from entries, with its diff id. */
async function layerOf(list: Entry[]): Promise<{ gz: Buffer; diffId: Digest }> {
  const pack = tarPack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of pack as AsyncIterable<Buffer>) chunks.push(c);
  })();
  for (const e of list) {
    await new Promise<void>((resolve, reject) =>
      pack.entry(
        { mode: e.type === 'directory' ? 0o755 : 0o644, mtime: new Date(0), ...e },
        e.content ?? '',
        (err) => (err ? reject(err) : resolve()),
      ),
    );
  }
  pack.finalize();
  await done;
  const tar = Buffer.concat(chunks);
  return { gz: gzipSync(tar), diffId: sha(tar) };
}

interface Image {
  manifest: ImageManifest;
  config: Record<string, unknown> & {
    config?: Record<string, unknown>;
    rootfs: { diff_ids: string[] };
  };
}

describe('policy proofs against the real registry', () => {
  const registries = new Registries();
  let work = '';
  let baseRef = '';
  let base: Image;
  let genuine = '';
  let genuineImage: Image;

  const repo = (name: string) => registries.repository(host, name);

  async function readImage(reference: string): Promise<Image> {
    const ref = parseReference(reference);
    const r = repo(ref.repository);
    let m = await r.getManifest(ref.digest ?? ref.tag ?? 'latest');
    if (m.kind === 'index') m = await r.getManifest(m.index.manifests[0]?.digest as string);
    if (m.kind !== 'image') throw new Error('expected an image');
    const config = JSON.parse(
      (await r.readBlob(m.manifest.config)).toString('utf8'),
    ) as Image['config'];
    return { manifest: m.manifest, config };
  }

  /** A layer to push: one already in a repository of the registry, or new bytes. */
  type LayerSource = { repository: string; desc: Descriptor } | { gz: Buffer; diffId: Digest };

  /** Pushes the layers, in order, and the config as an image manifest; returns it by digest. */
  async function pushImage(
    name: string,
    sources: LayerSource[],
    config: Image['config'],
  ): Promise<string> {
    const target = repo(name);
    const layers: Descriptor[] = [];
    for (const s of sources) {
      const bytes = 'gz' in s ? s.gz : await repo(s.repository).readBlob(s.desc);
      const desc =
        'gz' in s
          ? { mediaType: MediaType.OciLayerGzip, digest: sha(s.gz), size: s.gz.length }
          : s.desc;
      await target.putBlob(desc, async () => Readable.from([bytes]));
      layers.push(desc);
    }
    const configBytes = Buffer.from(JSON.stringify(config));
    const configDesc = {
      mediaType: MediaType.OciConfig,
      digest: sha(configBytes),
      size: configBytes.length,
    };
    await target.putBlob(configDesc, async () => Readable.from([configBytes]));
    const raw = parseManifest(
      encodeManifest({
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        config: configDesc,
        layers,
      }),
    );
    await target.putManifest(raw);
    return `${host}/${name}@${raw.digest}`;
  }

  const validate = async (image: string, policy: string): Promise<RuleResult[]> => {
    const file = join(work, `policy-${Math.random().toString(36).slice(2)}.yml`);
    writeFileSync(file, policy);
    const req = parseValidateRequest(
      fromRecord({ image, policy: file, smoke: 'false' }),
      work,
      REVISION,
    );
    const r = await validateImage(req, registries, { log: quiet, reportDir: work });
    return r.report.rules;
  };
  const rule = (rules: RuleResult[], name: string): RuleResult => {
    const r = rules.find((x) => x.rule === name);
    if (!r) throw new Error(`no ${name} result`);
    return r;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kiln-proofs-'));
    const baked = await bakeBusyboxBase(host, { repository: `proofs/base-${run}` });
    baseRef = baked.image;
    base = await readImage(baseRef);
    const saved = process.env.GITHUB_SHA;
    process.env.GITHUB_SHA = REVISION;
    try {
      const app = await bake(
        parseBakeRequest(
          fromRecord(
            sampleAppInputs(host, baseRef, {
              image: `${host}/proofs/shop-${run}`,
              'source-date-epoch': '1700000000',
            }),
          ),
        ),
        registries,
        quiet,
      );
      genuine = app.image;
    } finally {
      if (saved === undefined) delete process.env.GITHUB_SHA;
      else process.env.GITHUB_SHA = saved;
    }
    genuineImage = await readImage(genuine);
  }, 90_000);

  /** Images the engine pulled for `docker run`, removed again at the end. */
  const pulled: string[] = [];

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
    for (const image of pulled) {
      try {
        execFileSync('docker', ['-H', env.engine.dockerHost, 'rmi', '-f', image], {
          stdio: 'pipe',
        });
      } catch {
        // already gone
      }
    }
  });

  describe('allowed-bases', () => {
    it('passes an image baked on the base: its first layers are the base manifest layers', async () => {
      const r = rule(
        await validate(genuine, `allowed-bases: ["${host}/proofs/"]\n`),
        'allowed-bases',
      );
      const baseLayers = base.manifest.layers.map((l) => l.digest);
      expect(r).toMatchObject({
        status: 'pass',
        evidence: {
          source: 'label',
          matched: `${host}/proofs/`,
          proof: { proven: true, expectedLayers: baseLayers, actualLayers: baseLayers },
        },
      });
      expect(genuineImage.config.config?.Labels).toMatchObject({
        [BASE_DIGEST]: parseReference(baseRef).digest,
      });
    }, 60_000);

    it('fails a forged image whose labels claim the allowed base but whose layers differ', async () => {
      // The genuine app's config, labels and all, over a lookalike of the base.
      const lookalike = await layerOf([
        { name: 'bin/', type: 'directory' },
        { name: 'bin/busybox', content: '#!/bin/sh\necho not busybox\n' },
      ]);
      const baseCount = base.manifest.layers.length;
      const appRepository = parseReference(genuine).repository;
      const appLayers = genuineImage.manifest.layers
        .slice(baseCount)
        .map((desc) => ({ repository: appRepository, desc }));
      const forgedConfig = structuredClone(genuineImage.config);
      forgedConfig.rootfs.diff_ids = [
        lookalike.diffId,
        ...genuineImage.config.rootfs.diff_ids.slice(baseCount),
      ];
      const forged = await pushImage(
        `proofs/forged-${run}`,
        [lookalike, ...appLayers],
        forgedConfig,
      );
      const labels = genuineImage.config.config?.Labels as Record<string, string>;
      const r = rule(
        await validate(forged, `allowed-bases: ["${host}/proofs/"]\n`),
        'allowed-bases',
      );
      const expected = base.manifest.layers.map((l) => l.digest);
      const actual = [sha(lookalike.gz), ...appLayers.map((l) => l.desc.digest)].slice(
        0,
        expected.length,
      );
      expect(r.status).toBe('fail');
      expect(r.evidence).toMatchObject({
        base: labels[BASE_NAME],
        baseDigest: labels[BASE_DIGEST],
        matched: `${host}/proofs/`,
        proof: { proven: false, expectedLayers: expected, actualLayers: actual },
      });
      expect(r.message).toBe(
        `base ${labels[BASE_NAME]} (allowed by ${host}/proofs/) is not proven: the image's layers ` +
          `do not start with the base's ${expected.length} (layer 1: expected ${expected[0]}, found ${actual[0]})`,
      );
    }, 60_000);

    it('fails when the claimed base digest is not in the named repository', async () => {
      const config = structuredClone(genuineImage.config);
      const missing = `sha256:${'0'.repeat(64)}`;
      (config.config as { Labels: Record<string, string> }).Labels[BASE_DIGEST] = missing;
      const appRepository = parseReference(genuine).repository;
      const image = await pushImage(
        `proofs/missing-${run}`,
        genuineImage.manifest.layers.map((desc) => ({ repository: appRepository, desc })),
        config,
      );
      const r = rule(
        await validate(image, `allowed-bases: ["${host}/proofs/"]\n`),
        'allowed-bases',
      );
      expect(r.status).toBe('fail');
      expect(r.message).toContain(
        `cannot be proven: could not read base ${host}/proofs/base-${run}@${missing}: GET http://${host}/v2/proofs/base-`,
      );
    }, 60_000);
  });
  describe('non-root', () => {
    /** What the engine prints running `image` (its `id -u`). */
    const runOnEngine = (image: string): string => {
      pulled.push(image);
      return execFileSync('docker', ['-H', env.engine.dockerHost, 'run', '--rm', image], {
        encoding: 'utf8',
        stdio: 'pipe',
      }).trim();
    };

    /**
     * The base; a layer with a decoy /etc/passwd (nobody is 65534) and /opt/accounts/passwd
     * holding `accounts`; then a layer of `upper` entries replacing /etc/passwd. Runs `id -u`.
     */
    async function userImage(name: string, accounts: string, upper: Entry[]): Promise<string> {
      const lower = await layerOf([
        { name: 'etc/', type: 'directory' },
        { name: 'etc/passwd', content: SAFE_NOBODY },
        { name: 'opt/', type: 'directory' },
        { name: 'opt/accounts/', type: 'directory' },
        { name: 'opt/accounts/passwd', content: accounts },
      ]);
      const top = await layerOf([{ name: 'etc/', type: 'directory' }, ...upper]);
      const config = structuredClone(base.config);
      config.config = {
        ...config.config,
        User: 'nobody',
        Entrypoint: ['/bin/busybox'],
        Cmd: ['id', '-u'],
      };
      config.rootfs.diff_ids = [...base.config.rootfs.diff_ids, lower.diffId, top.diffId];
      const baseRepository = parseReference(baseRef).repository;
      return pushImage(
        name,
        [...base.manifest.layers.map((desc) => ({ repository: baseRepository, desc })), lower, top],
        config,
      );
    }
    const ROOT_NOBODY = 'root:x:0:0::/root:/bin/sh\nnobody:x:0:0::/:/bin/sh\n';
    const SAFE_NOBODY = 'root:x:0:0::/root:/bin/sh\nnobody:x:65534:65534::/:/bin/sh\n';
    const symlink: Entry = {
      name: 'etc/passwd',
      type: 'symlink',
      linkname: '../opt/accounts/passwd',
    };
    // Docker's layer store extracts each layer on its own, so a hard link reaches only an
    // entry of its own layer (a link into a lower layer fails the pull).
    const hardlink: Entry[] = [
      { name: 'etc/users', content: ROOT_NOBODY },
      { name: 'etc/passwd', type: 'link', linkname: 'etc/users' },
    ];

    it.each([
      ['a symlink to a file of another layer', [symlink], 1, 2],
      ['a hard link to another entry', hardlink, 2, 2],
      // uint32(2^32) is 0: the uid wraps on its way to the OCI runtime spec.
      [
        'a file giving nobody uid 4294967296',
        [{ name: 'etc/passwd', content: 'nobody:x:4294967296:0::/:/bin/sh\nnobody:x:1:1::/:/x\n' }],
        2,
        1,
      ],
    ])(
      'fails USER nobody when /etc/passwd is %s, mapping nobody to 0',
      async (what, upper, layer, line) => {
        const image = await userImage(
          `proofs/nobody-root-${what.split(' ')[2] as string}-${layer}-${run}`,
          ROOT_NOBODY,
          upper,
        );
        const r = rule(await validate(image, 'non-root: true\n'), 'non-root');
        expect(r).toMatchObject({
          status: 'fail',
          message: `runs as root: USER "nobody" is uid 0 (/etc/passwd line ${line})`,
          evidence: {
            user: 'nobody',
            uid: 0,
            source: 'passwd',
            passwd: { state: 'read', layer },
          },
        });
        // The engine agrees: the container runs as uid 0.
        expect(runOnEngine(image)).toBe('0');
      },
      90_000,
    );

    it('passes the same layout when the linked file maps nobody to 65534, as the engine runs it', async () => {
      const image = await userImage(`proofs/nobody-safe-${run}`, SAFE_NOBODY, [symlink]);
      const r = rule(await validate(image, 'non-root: true\n'), 'non-root');
      expect(r).toMatchObject({
        status: 'pass',
        message: 'runs as uid 65534: USER "nobody" (/etc/passwd line 2)',
        evidence: {
          passwd: {
            resolved: '/opt/accounts/passwd',
            symlinks: ['/etc/passwd -> ../opt/accounts/passwd'],
          },
        },
      });
      expect(runOnEngine(image)).toBe('65534');
    }, 90_000);
  });
});
