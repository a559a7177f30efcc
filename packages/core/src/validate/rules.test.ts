import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Digest } from '../oci/digest.js';
import type { OciLayout } from '../oci/layout/oci-layout.js';
import type { Descriptor } from '../oci/manifest.js';
import { Registries } from '../oci/registries.js';
import { gatherFacts, type GatherOptions } from './image-facts.js';
import { parsePolicy, RULE_NAMES, type RuleName } from './policy-file.js';
import { evaluatePolicy, type EvaluateOptions, type RuleResult } from './rules.js';
import { putImage, tempLayout, type TestImage, type Tree } from './test-image.js';

let layout: OciLayout;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ layout, cleanup } = await tempLayout()));
afterAll(() => cleanup());

const SHA = 'a'.repeat(40);
const APP = { 'app/': null, 'app/main.js': 'console.log(1)\n' };

/** Bakes `image` into the layout, reads it back and evaluates `policy`: the whole path. */
async function check(
  rule: RuleName,
  policy: string,
  image: Partial<TestImage>,
  opts: EvaluateOptions = { expectRevision: SHA },
  gather: GatherOptions = {},
): Promise<RuleResult> {
  const digest = await putImage(layout, { layers: [APP], ...image });
  const results = evaluatePolicy(
    parsePolicy(policy, 'policy.yml'),
    await gatherFacts(layout, digest, gather),
    opts,
  );
  const r = results.find((x) => x.rule === rule);
  if (!r) throw new Error(`no result for ${rule}`);
  return r;
}

describe('evaluatePolicy', () => {
  it('reports every rule in policy order; rules not in the policy are skipped', async () => {
    const digest = await putImage(layout, { layers: [APP] });
    const results = evaluatePolicy(parsePolicy('', 'p.yml'), await gatherFacts(layout, digest));
    expect(results.map((r) => [r.rule, r.status])).toEqual([
      ['max-size', 'skip'],
      ['max-layers', 'skip'],
      ['required-labels', 'skip'],
      ['revision', 'skip'],
      ['non-root', 'skip'],
      ['allowed-bases', 'skip'],
      ['forbidden-paths', 'skip'],
      ['secrets', 'pass'],
      ['healthcheck', 'skip'],
    ]);
    expect(results.map((r) => r.rule)).toEqual([...RULE_NAMES]);
    expect(results.find((r) => r.rule === 'revision')?.message).toBe(
      'no expected revision given (expect-revision)',
    );
  });
});

describe('max-size', () => {
  it('passes within the limit and fails above it, with the sizes', async () => {
    const pass = await check('max-size', 'max-size: 2kB', {});
    expect(pass).toMatchObject({ status: 'pass', evidence: { max: 2000 } });
    expect(pass.evidence.size).toBeLessThan(2000);
    // Random bytes do not compress: the layer alone is over 4 kB.
    const fail = await check('max-size', 'max-size: 2kB', {
      layers: [{ blob: randomBytes(4096) }],
    });
    expect(fail.status).toBe('fail');
    expect(fail.evidence.size).toBeGreaterThan(4096);
    expect(fail.message).toMatch(
      /^4\.\d kB \(4\.\d KiB\) compressed exceeds the maximum 2\.0 kB \(2\.0 KiB\)$/,
    );
    expect(fail.evidence.layerSizes).toEqual([expect.any(Number)]);
  });
});

describe('max-layers', () => {
  it('counts layers', async () => {
    const two: Tree[] = [{ a: '1' }, { b: '2' }];
    expect(await check('max-layers', 'max-layers: 2', { layers: two })).toMatchObject({
      status: 'pass',
      evidence: { layers: 2, max: 2 },
    });
    expect(await check('max-layers', 'max-layers: 2', { layers: [...two, { c: '3' }] })).toEqual({
      rule: 'max-layers',
      status: 'fail',
      message: '3 layers exceed the maximum 2',
      evidence: { layers: 3, max: 2 },
    });
  });
});

describe('required-labels', () => {
  const policy = `required-labels:
  org.opencontainers.image.source: /^https:\\/\\/github\\.com\\/acme\\//
  org.opencontainers.image.licenses: MIT
  com.example.team:
`;
  const good = {
    'org.opencontainers.image.source': 'https://github.com/acme/shop',
    'org.opencontainers.image.licenses': 'MIT',
    'com.example.team': 'payments',
  };

  it('passes when every label is present with the required value', async () => {
    const r = await check('required-labels', policy, { config: { Labels: good } });
    expect(r.status).toBe('pass');
    expect(r.evidence.labels).toContainEqual({
      name: 'org.opencontainers.image.licenses',
      expected: 'MIT',
      found: 'MIT',
      ok: true,
    });
  });

  it('fails on missing, empty and wrong values, naming each', async () => {
    const r = await check('required-labels', policy, {
      config: {
        Labels: {
          'org.opencontainers.image.source': 'https://gitlab.com/acme/shop',
          'org.opencontainers.image.licenses': '',
        },
      },
    });
    expect(r.status).toBe('fail');
    expect(r.message).toBe(
      'org.opencontainers.image.source="https://gitlab.com/acme/shop" does not match ' +
        '/^https:\\/\\/github\\.com\\/acme\\//; org.opencontainers.image.licenses is empty; ' +
        'com.example.team is missing',
    );
  });

  it('a plain list only asks for presence; a label named like an Object method is no exception', async () => {
    const policyList = 'required-labels: [maintainer, constructor]';
    expect(
      await check('required-labels', policyList, { config: { Labels: { maintainer: 'me' } } }),
    ).toMatchObject({ status: 'fail', message: 'constructor is missing' });
    expect(
      await check('required-labels', policyList, {
        config: { Labels: { maintainer: 'me', constructor: 'x' } },
      }),
    ).toMatchObject({ status: 'pass' });
  });
});

describe('revision', () => {
  const labelled = (rev: string): Partial<TestImage> => ({
    config: { Labels: { 'org.opencontainers.image.revision': rev } },
  });

  it('passes when the label is the expected commit', async () => {
    expect(await check('revision', '', labelled(SHA))).toEqual({
      rule: 'revision',
      status: 'pass',
      message: `built from ${SHA}`,
      evidence: {
        label: 'org.opencontainers.image.revision',
        expected: SHA,
        found: SHA,
        source: 'label',
      },
    });
  });

  it('fails on another commit or none', async () => {
    expect(await check('revision', '', labelled('b'.repeat(40)))).toMatchObject({
      status: 'fail',
      message: `built from ${'b'.repeat(40)}, expected ${SHA}`,
    });
    expect(await check('revision', '', {})).toMatchObject({
      status: 'fail',
      evidence: { found: null, source: 'none' },
    });
  });

  it('accepts the manifest annotation when there is no label', async () => {
    const image = { annotations: { 'org.opencontainers.image.revision': SHA } };
    expect(await check('revision', '', image)).toMatchObject({
      status: 'pass',
      evidence: { source: 'annotation' },
    });
  });

  it('is skipped when turned off', async () => {
    expect(await check('revision', 'revision: false', {})).toMatchObject({ status: 'skip' });
  });
});

describe('non-root', () => {
  const passwd = {
    'etc/passwd':
      'root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/false\n',
  };
  const as = (User: string): Partial<TestImage> => ({ layers: [passwd], config: { User } });

  it.each([
    ['app', 1000, 'passwd', 'runs as uid 1000: USER "app" (/etc/passwd line 3)'],
    ['1000:0', 1000, 'passwd', 'runs as uid 1000: USER "1000:0" (/etc/passwd line 3)'],
    ['2000', 2000, 'number', 'runs as uid 2000: USER "2000" (a number)'],
  ])('passes for USER %s', async (user, uid, source, message) => {
    expect(await check('non-root', 'non-root: true', as(user))).toMatchObject({
      status: 'pass',
      message,
      evidence: { user, uid, source },
    });
  });

  it.each([
    ['', 'no USER is set, so containers run as root'],
    ['root', 'runs as root: USER "root" is uid 0 (/etc/passwd line 1)'],
    ['0', 'runs as root: USER "0" is uid 0 (/etc/passwd line 1)'],
    ['+0:0', 'runs as root: USER "+0:0" is uid 0 (/etc/passwd line 1)'],
    ['toor', 'runs as root: USER "toor" is uid 0 (/etc/passwd line 2)'],
    [':1000', 'runs as root: USER ":1000" is uid 0 (no user part, so the default)'],
  ])('fails for USER "%s"', async (user, message) => {
    expect(await check('non-root', 'non-root: true', as(user))).toMatchObject({
      status: 'fail',
      message,
    });
  });

  it('fails, with the reason, when the runtime could not resolve the user', async () => {
    expect(await check('non-root', 'non-root: true', as('nobody'))).toMatchObject({
      status: 'fail',
      message:
        'cannot tell who USER "nobody" runs as: user "nobody" is not in /etc/passwd, so the runtime cannot resolve it',
      evidence: { user: 'nobody', uid: null },
    });
    expect(await check('non-root', 'non-root: true', { config: { User: 'app' } })).toMatchObject({
      status: 'fail',
      message:
        'cannot tell who USER "app" runs as: user "app" cannot be resolved: the image has no /etc/passwd',
    });
    expect(await check('non-root', 'non-root: true', as('-1'))).toMatchObject({
      status: 'fail',
      message:
        'cannot tell who USER "-1" runs as: uid -1 is outside 0-2147483647, so the runtime refuses it',
    });
  });

  it('reads /etc/passwd through a symlink into another layer', async () => {
    const r = await check('non-root', 'non-root: true', {
      layers: [
        { 'opt/users/passwd': 'nobody:x:0:0::/:/bin/sh\n' },
        [{ path: 'etc/passwd', type: 'symlink', linkname: '../opt/users/passwd' }],
      ],
      config: { User: 'nobody' },
    });
    expect(r).toMatchObject({
      status: 'fail',
      message: 'runs as root: USER "nobody" is uid 0 (/etc/passwd line 1)',
      evidence: {
        passwd: {
          path: '/etc/passwd',
          resolved: '/opt/users/passwd',
          symlinks: ['/etc/passwd -> ../opt/users/passwd'],
          layer: 0,
        },
      },
    });
  });
});

describe('allowed-bases', () => {
  const based = (name?: string, digest?: string): Partial<TestImage> => {
    const labels: Record<string, string> = {};
    if (name) labels['org.opencontainers.image.base.name'] = name;
    if (digest) labels['org.opencontainers.image.base.digest'] = digest;
    return { config: { Labels: labels } };
  };
  const policy = 'allowed-bases: [ghcr.io/acme/, docker.io/library/alpine]';
  const unproven = (name: string, entry: string): string =>
    `base ${name} (allowed by ${entry}) is only a label: the base was not fetched, so its layers were not compared`;

  it('matches a base under an allowed prefix, also in canonical form; a name alone does not pass', async () => {
    expect(await check('allowed-bases', policy, based('ghcr.io/acme/base:1'))).toMatchObject({
      status: 'fail',
      message: unproven('ghcr.io/acme/base:1', 'ghcr.io/acme/'),
      evidence: { base: 'ghcr.io/acme/base:1', matched: 'ghcr.io/acme/', source: 'label' },
    });
    expect(await check('allowed-bases', policy, based('alpine:3.20'))).toMatchObject({
      evidence: { matched: 'docker.io/library/alpine' },
    });
  });

  it('fails other bases, prefixes matched only at a name boundary', async () => {
    for (const name of [
      'docker.io/evil/x:1',
      'docker.io/library/alpine-evil:1',
      'ghcr.io/acmex/y',
    ]) {
      expect(await check('allowed-bases', policy, based(name))).toMatchObject({
        status: 'fail',
        message: `base ${name}, not in allowed-bases`,
        evidence: { matched: null },
      });
    }
  });

  it('reads the base from the manifest annotation too', async () => {
    const image = { annotations: { 'org.opencontainers.image.base.name': 'ghcr.io/acme/b:2' } };
    expect(await check('allowed-bases', policy, image)).toMatchObject({
      evidence: { source: 'annotation', matched: 'ghcr.io/acme/' },
    });
  });

  it('pins a base by digest', async () => {
    const d = `sha256:${'c'.repeat(64)}`;
    const pinned = `allowed-bases: [ghcr.io/acme/base@${d}]`;
    expect(await check('allowed-bases', pinned, based('ghcr.io/acme/base:1', d))).toMatchObject({
      evidence: { baseDigest: d, matched: `ghcr.io/acme/base@${d}` },
    });
    const other = `sha256:${'e'.repeat(64)}`;
    expect(await check('allowed-bases', pinned, based('ghcr.io/acme/base:1', other))).toMatchObject(
      { status: 'fail', evidence: { matched: null } },
    );
  });

  it('an image without a recorded base is scratch: allowed only when listed', async () => {
    expect(await check('allowed-bases', policy, based())).toMatchObject({
      status: 'fail',
      message:
        'no org.opencontainers.image.base.name recorded: a scratch image, not in allowed-bases',
      evidence: { base: 'scratch', source: 'none' },
    });
    expect(await check('allowed-bases', 'allowed-bases: [scratch]', based())).toMatchObject({
      status: 'pass',
    });
  });

  describe('proof by layers', () => {
    const registries = new Registries();
    const withProof: GatherOptions = { baseRegistries: registries };
    const BASE_LAYER = { 'bin/busybox': 'the real base\n' };

    /** A base in the layout, named as bake-image records a layout base. */
    async function putBase(): Promise<{ name: string; digest: Digest; layers: Descriptor[] }> {
      const digest = await putImage(layout, { layers: [BASE_LAYER] });
      const m = await layout.getManifest(digest);
      if (m.kind !== 'image') throw new Error('expected an image');
      return { name: `oci-layout:${layout.dir}`, digest, layers: m.manifest.layers };
    }
    const layoutPolicy = 'allowed-bases: ["oci-layout:"]';

    it('passes when the base manifest layers are the image first layers', async () => {
      const base = await putBase();
      const r = await check(
        'allowed-bases',
        layoutPolicy,
        { bottomLayers: base.layers, ...based(base.name, base.digest) },
        undefined,
        withProof,
      );
      expect(r).toMatchObject({
        status: 'pass',
        message: `base ${base.name}, allowed by oci-layout:; its 1 layers are the image's first 1`,
        evidence: {
          proof: {
            reference: `${base.name}@${base.digest}`,
            manifestDigest: base.digest,
            proven: true,
            expectedLayers: [base.layers[0]?.digest],
            actualLayers: [base.layers[0]?.digest],
          },
        },
      });
    });

    it('fails an image whose label claims the base but whose layers differ', async () => {
      const base = await putBase();
      const r = await check(
        'allowed-bases',
        layoutPolicy,
        { layers: [{ 'bin/busybox': 'a lookalike\n' }, APP], ...based(base.name, base.digest) },
        undefined,
        withProof,
      );
      const expected = base.layers[0]?.digest as string;
      expect(r.status).toBe('fail');
      expect(r.message).toMatch(
        new RegExp(
          `^base ${base.name} \\(allowed by oci-layout:\\) is not proven: the image's layers do not start with the base's 1 \\(layer 1: expected ${expected}, found sha256:[0-9a-f]{64}\\)$`,
        ),
      );
      const proof = r.evidence.proof as { expectedLayers: string[]; actualLayers: string[] };
      expect(proof.expectedLayers).toEqual([expected]);
      expect(proof.actualLayers).toHaveLength(1);
      expect(proof.actualLayers[0]).not.toBe(expected);
    });

    it('fails with the reason when the recorded base cannot be read', async () => {
      const missing = `sha256:${'d'.repeat(64)}`;
      const r = await check(
        'allowed-bases',
        layoutPolicy,
        based(`oci-layout:${layout.dir}`, missing),
        undefined,
        withProof,
      );
      expect(r.status).toBe('fail');
      expect(r.message).toContain(
        `cannot be proven: could not read base oci-layout:${layout.dir}@${missing}: `,
      );
    });
  });
});

describe('forbidden-paths', () => {
  const policy = 'forbidden-paths: ["**/*.pem", /root/.ssh, "etc/{shadow,gshadow}"]';

  it('passes when nothing matches', async () => {
    expect(
      await check('forbidden-paths', policy, {
        layers: [{ 'etc/ssl/certs/ca.crt': 'x', 'root/.sshrc': '' }],
      }),
    ).toMatchObject({ status: 'pass', evidence: { matches: [], total: 0 } });
  });

  it('fails naming each match once, with the pattern and the layer', async () => {
    const r = await check('forbidden-paths', policy, {
      layers: [
        {
          'srv/tls/server.pem': 'x',
          'root/.ssh/authorized_keys': 'k',
          'root/.ssh/known_hosts': 'h',
        },
        { 'etc/shadow': 'root:*:1::::::' },
      ],
    });
    expect(r.status).toBe('fail');
    expect(r.evidence.matches).toEqual([
      { path: 'etc/shadow', pattern: 'etc/{shadow,gshadow}', layer: 1 },
      { path: 'root/.ssh', pattern: '/root/.ssh' }, // no own entry: the files imply it
      { path: 'srv/tls/server.pem', pattern: '**/*.pem', layer: 0 },
    ]);
    expect(r.message).toBe('3 forbidden: etc/shadow, root/.ssh, srv/tls/server.pem');
  });

  it('caps the evidence list and keeps the total', async () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k/${i}.pem`, 'x']));
    const r = await check('forbidden-paths', policy, { layers: [many] });
    expect(r.evidence.total).toBe(60);
    expect(r.evidence.matches).toHaveLength(50);
    expect(r.message).toMatch(/and 57 more$/);
  });
});

describe('secrets', () => {
  it('passes a clean image, including .env templates and public keys', async () => {
    const r = await check('secrets', '', {
      layers: [{ ...APP, 'app/.env.example': 'TOKEN=', 'root/.ssh/id_rsa.pub': 'ssh-rsa AAAA' }],
    });
    expect(r).toMatchObject({ status: 'pass', evidence: { findings: [], total: 0 } });
  });

  it('fails on private keys, .env files, SSH key files and git folders', async () => {
    const r = await check('secrets', '', {
      layers: [
        {
          'srv/key.txt': '-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n',
          'app/.env': 'DB_PASSWORD=hunter2\n',
          'home/u/.ssh/id_ed25519': 'anything',
          'app/.git/HEAD': 'ref: refs/heads/main\n',
          'app/.git/config': '[core]\n',
        },
      ],
    });
    expect(r.status).toBe('fail');
    expect(r.evidence.findings).toEqual([
      { path: 'app/.env', reason: 'env-file', detail: '.env', layer: 0 },
      { path: 'app/.git', reason: 'git-folder', detail: 'app/.git', layer: 0 },
      { path: 'home/u/.ssh/id_ed25519', reason: 'ssh-key-file', detail: 'id_ed25519', layer: 0 },
      {
        path: 'srv/key.txt',
        reason: 'private-key',
        detail: '-----BEGIN RSA PRIVATE KEY-----',
        layer: 0,
      },
    ]);
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  it('fails on a secret a later layer deleted: it still ships in the earlier one', async () => {
    const r = await check('secrets', '', {
      layers: [{ ...APP, 'app/.env': 'TOKEN=1' }, { 'app/.wh..env': '' }],
    });
    expect(r).toMatchObject({
      status: 'fail',
      message: '1 secret-looking: app/.env (env-file, deleted later but still in layer 0)',
      evidence: { findings: [expect.objectContaining({ path: 'app/.env', removedLater: true })] },
    });
  });

  it('is skipped when turned off', async () => {
    const r = await check('secrets', 'secrets: false', { layers: [{ '.env': 'x' }] });
    expect(r.status).toBe('skip');
  });
});

describe('healthcheck', () => {
  it('passes when a check is declared', async () => {
    const image = {
      config: { Healthcheck: { Test: ['CMD-SHELL', 'wget -qO- localhost:8080'], Retries: 3 } },
    };
    expect(await check('healthcheck', 'healthcheck: true', image)).toEqual({
      rule: 'healthcheck',
      status: 'pass',
      message: 'declared: wget -qO- localhost:8080',
      evidence: { test: ['CMD-SHELL', 'wget -qO- localhost:8080'], retries: 3 },
    });
  });

  it('fails when missing or disabled', async () => {
    expect(await check('healthcheck', 'healthcheck: true', {})).toMatchObject({
      status: 'fail',
      message: 'no HEALTHCHECK declared',
    });
    const none = { config: { Healthcheck: { Test: ['NONE'] } } };
    expect(await check('healthcheck', 'healthcheck: true', none)).toMatchObject({
      status: 'fail',
      message: 'HEALTHCHECK NONE disables it',
    });
  });
});
