import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KilnConfig, parseConfig } from '@kiln/core/config';
import { parseReplaceFleetRequest, replaceFleet } from '@kiln/core/deploy';
import { ConfigurationError } from '@kiln/core/errors';
import { digestOf, loadProvider } from '@kiln/core/fleet';
import { GateRefusedError } from '@kiln/core/gates';
import { fromRecord } from '@kiln/core/inputs';
import {
  carryFrom,
  encodeRecord,
  type EntryRecord,
  FileWitness,
  LEDGER_ENTRY_TYPE,
  LEDGER_LAYER_TYPE,
  Ledger,
  LedgerCorruptError,
  recordAnnotations,
  type StoredEntry,
  witnessedLedger,
} from '@kiln/core/ledger';
import {
  buildArtifact,
  copyImage,
  descriptorOf,
  type Digest,
  fallbackTag,
  Registries,
} from '@kiln/core/oci';
import { parsePromoteRequest, promote } from '@kiln/core/promote';
import { parseRollbackRequest, rollback } from '@kiln/core/rollback';
import { testEnvironment } from '@kiln/local';
import { RUN_CONTEXT, TEST_LEDGER } from '../support/core-calls.js';
import { bakeRevisions, dockerOn, expectFleetOn } from '../support/swarm-checks.js';

// What a hostile user with write access to the registry (and nobody's credentials) can try
// against the ledger and the quarantine, on the real registry and the real swarm: forgeries are
// written with plain HTTP requests, as such a user would write them.
const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const repoPath = `trust/shop-${run}`;
const repo = `${env.registry.host}/${repoPath}`;
const mirror = `${env.registry.host}/trust/mirror-${run}`;
const prodRepo = `${env.registry2.host}/trust/shop-${run}`;
const staging = `kiln-trust-s-${run}`;
const production = `kiln-trust-p-${run}`;
const network = `kiln-trust-${run}`;
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
type Env = 'staging' | 'production';

const docker = dockerOn(dockerHost);
const registries = new Registries();
const logs: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'kiln-trust-'));
const witness = new FileWitness(join(dir, 'witness.json'));
let images: Record<'v1' | 'v2' | 'v3' | 'v4', string>;
let config: KilnConfig;

const digest = (image: string): Digest => digestOf(image) as Digest;
const store = () => registries.repository(env.registry.host, repoPath);
const deps = () => ({
  registries,
  run: RUN_CONTEXT,
  log: (l: string) => logs.push(l),
  ledger: TEST_LEDGER,
  witness,
});
const fleet = { 'docker-host': dockerHost, 'health-cmd': HEALTH_CMD, 'health-interval': '1s' };

const deploy = (image: string, e: Env) =>
  replaceFleet(
    parseReplaceFleetRequest(fromRecord({ ...fleet, image, environment: e }), config),
    deps(),
  );
const rollBack = (e: Env, inputs: Record<string, string>) =>
  rollback(
    parseRollbackRequest(fromRecord({ ...fleet, environment: e, ...inputs }), config),
    deps(),
  );
const promoteTo = (inputs: Record<string, string>) =>
  promote(parsePromoteRequest(fromRecord(inputs), config), {
    registries,
    context: { actor: 'octocat', commit: 'c0ffee', run_url: '' },
    log: (l) => logs.push(l),
    ledger: TEST_LEDGER,
    witness,
  });
const ledgerOf = (e: Env) =>
  e === 'staging'
    ? new Ledger(store(), 'staging', TEST_LEDGER)
    : new Ledger(registries.repository(env.registry2.host, `trust/shop-${run}`), 'production');

/** A registry request as a hostile writer sends it: plain HTTP, no Kiln client. */
async function http(method: string, path: string, body?: Buffer, type?: string): Promise<Response> {
  const res = await fetch(`http://${env.registry.host}/v2/${repoPath}/${path}`, {
    method,
    ...(body ? { body } : {}),
    headers: {
      ...(type ? { 'content-type': type } : {}),
      accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json',
    },
  });
  if (res.status >= 400) throw new Error(`${method} ${path}: HTTP ${res.status}`);
  return res;
}

/** Pushes a blob with a monolithic upload. */
async function putBlob(bytes: Buffer, d: string): Promise<void> {
  const started = await http('POST', 'blobs/uploads/');
  const location = new URL(
    started.headers.get('location') as string,
    `http://${env.registry.host}`,
  );
  location.searchParams.set('digest', d);
  const res = await fetch(location, { method: 'PUT', body: bytes });
  if (res.status !== 201) throw new Error(`blob PUT: HTTP ${res.status}`);
}

/** Writes `record` as a well-formed entry about its digest and moves `tag` (if given) to it. */
async function forge(record: EntryRecord, tag?: string): Promise<StoredEntry> {
  const image = await store().getManifest(record.digest);
  const { manifest, blobs } = buildArtifact({
    artifactType: LEDGER_ENTRY_TYPE,
    layers: [{ mediaType: LEDGER_LAYER_TYPE, data: encodeRecord(record) }],
    annotations: recordAnnotations(record),
    subject: descriptorOf(image),
  });
  for (const b of blobs) await putBlob(b.data, b.desc.digest);
  await http('PUT', `manifests/${manifest.digest}`, manifest.bytes, manifest.mediaType);
  if (tag) await http('PUT', `manifests/${tag}`, manifest.bytes, manifest.mediaType);
  return { entry: record, digest: manifest.digest };
}

/** Moves a tag to a manifest already in the repository. */
async function moveTag(tag: string, to: Digest): Promise<void> {
  const res = await http('GET', `manifests/${to}`, undefined);
  const type = res.headers.get('content-type') as string;
  await http('PUT', `manifests/${tag}`, Buffer.from(await res.arrayBuffer()), type);
}

beforeAll(async () => {
  images = await bakeRevisions(env.registry.host, repo, `trust/base-${run}`, [
    'v1',
    'v2',
    'v3',
    'v4',
  ]);
  config = await parseConfig(
    [
      `image: ${repo}`,
      'environments:',
      '  staging:',
      '    provider: swarm',
      `    target: ${staging}`,
      '    health-timeout: 60s',
      `    swarm: { replicas: 1, port: 8080, network: ${network} }`,
      '  production:',
      '    provider: swarm',
      `    image: ${prodRepo}`,
      `    target: ${production}`,
      '    requires: staging',
      '    health-timeout: 60s',
      `    swarm: { replicas: 1, port: 8080, network: ${network} }`,
    ].join('\n'),
    'kiln.yml',
  );
  for (const v of ['v1', 'v2', 'v3'] as const)
    expect((await deploy(images[v], 'staging')).outcome).toBe('deployed');
}, 300_000);

afterAll(async () => {
  if (process.env.KILN_DEBUG) process.stderr.write(`${logs.join('\n')}\n`);
  for (const target of [staging, production])
    await (await loadProvider('swarm', { target, dockerHost })).remove();
  try {
    docker(['network', 'rm', network]);
  } catch {
    // Gone with the services, or still draining: the engine removes it with the next prune.
  }
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('a rollback that never reaches the engine', () => {
  it('quarantines nothing and appends nothing', async () => {
    const before = (await ledgerOf('staging').head()) as StoredEntry;
    const dead = `unix://${join(dir, 'no-engine.sock')}`;
    const err = await rollback(
      parseRollbackRequest(
        fromRecord({ ...fleet, 'docker-host': dead, environment: 'staging', reason: 'x' }),
        config,
      ),
      deps(),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message.split('\n')).toHaveLength(1);
    expect((await ledgerOf('staging').head())?.digest).toBe(before.digest);
    expectFleetOn(docker, staging, images.v3, 1);
  }, 60_000);
});

describe('a quarantine is a property of the digest across kiln.yml', () => {
  it('to: previous twice goes back twice, skipping the digest the first rollback quarantined', async () => {
    const first = await rollBack('staging', { reason: 'v3 answers 500' });
    expect(first).toMatchObject({ outcome: 'deployed', to: images.v2, from: images.v3 });
    expect(first.quarantine).toMatchObject({ kind: 'quarantined' });
    const second = await rollBack('staging', { reason: 'v2 leaks memory' });
    expect(second).toMatchObject({ outcome: 'deployed', to: images.v1, from: images.v2 });
    expect(second.target.how).toMatch(/^previous: the last known-good before .* not quarantined/);
    expectFleetOn(docker, staging, images.v1, 1);
  }, 240_000);

  it('a byte-identical copy in another repository or registry is refused before any remote call', async () => {
    const q = digest(images.v3);
    await copyImage(store(), registries.repository(env.registry.host, `trust/mirror-${run}`), q, {
      log: () => {},
    });
    const copied = `${mirror}@${q}`;
    expect(() =>
      parseReplaceFleetRequest(
        fromRecord({ ...fleet, image: copied, environment: 'staging' }),
        config,
      ),
    ).toThrow(
      new ConfigurationError(
        `Input "image" has value "${copied}": is in ${mirror}, but staging runs images from ${repo} (kiln.yml): name an image of that repository (promote copies it there)`,
      ),
    );
    // kiln.yml names another registry than the input: refused the same way.
    const elsewhere = `${env.registry2.host}/trust/shop-${run}@${q}`;
    expect(() =>
      parseReplaceFleetRequest(
        fromRecord({ ...fleet, image: elsewhere, environment: 'staging' }),
        config,
      ),
    ).toThrow(/is in .* but staging runs images from/);
  }, 60_000);

  it('in production’s own registry, bytes with no referrers there are refused by staging’s quarantine', async () => {
    const q = digest(images.v3);
    // The copy carries no referrers: production's registry knows nothing of the quarantine.
    await copyImage(store(), registries.repository(env.registry2.host, `trust/shop-${run}`), q, {
      log: () => {},
    });
    const err = await deploy(`${prodRepo}@${q}`, 'production').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GateRefusedError);
    expect((err as Error).message).toMatch(
      /gate not-quarantined failed: sha256:\S+ was quarantined in staging \(seq \d+, .*\): v3 answers 500/,
    );
    const refused = await promoteTo({
      image: `${repo}@${q}`,
      'to-environment': 'production',
      'require-healthy': 'false',
      'require-validation': 'false',
    }).catch((e: unknown) => e);
    expect((refused as Error).message).toContain('was quarantined in staging');
    expect(refused).toBeInstanceOf(GateRefusedError);
    expect(await ledgerOf('production').head()).toBeUndefined();
  }, 120_000);
});

describe('a ledger rewritten in the registry stops the action, naming the entry', () => {
  it('a head whose prev skips an entry: promote refuses, nothing written', async () => {
    const chain = await ledgerOf('staging').history(3);
    const [head, , before] = chain as [StoredEntry, StoredEntry, StoredEntry];
    // Well-formed, but linked past the entry before it.
    const forged = await forge(
      { ...head.entry, ...carryFrom(before), seq: head.entry.seq + 1, digest: digest(images.v4) },
      'kiln-ledger-staging',
    );
    const err = await promoteTo({
      'from-environment': 'staging',
      'to-environment': 'production',
      'require-validation': 'false',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerCorruptError);
    expect((err as Error).message).toContain(`entry #${forged.entry.seq} ${forged.digest}`);
    expect(await ledgerOf('production').head()).toBeUndefined();
    const v = await new Ledger(store(), 'staging').verify();
    expect(v.ok).toBe(false);
    await moveTag('kiln-ledger-staging', head.digest);
  }, 60_000);

  it('the head re-written to name another digest: the witness stops rollback; verify finds it without one', async () => {
    const head = (await ledgerOf('staging').head()) as StoredEntry;
    const before = await ledgerOf('staging').history(2);
    const prior = before[1] as StoredEntry;
    // The same link, the same carried fields, another digest: consistent as a chain.
    const forged = await forge({ ...head.entry, digest: digest(images.v4) }, 'kiln-ledger-staging');
    expect(forged.entry.prev).toBe(prior.digest);
    const err = await rollBack('staging', { reason: 'forged', to: digest(images.v2) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LedgerCorruptError);
    expect((err as Error).message).toContain(
      `the head is #${forged.entry.seq} ${forged.digest}, which does not descend from #${head.entry.seq} ${head.digest} recorded by the witness (witness file`,
    );
    // Nothing was quarantined, nothing appended; the fleet still runs v1.
    expect((await new Ledger(store(), 'staging').history(1))[0]?.digest).toBe(forged.digest);
    expectFleetOn(docker, staging, images.v1, 1);
    // Without the witness, verify finds the entry the forgery replaced among the referrers.
    const v = await new Ledger(store(), 'staging').verify();
    expect(v).toMatchObject({ ok: false });
    expect(!v.ok && v.reason).toContain(`entry removed: ${head.digest}`);
    // With it, verify names the witnessed head.
    const w = await (await witnessedLedger(store(), 'staging', witness)).verify();
    expect(!w.ok && w.reason).toContain(`recorded head #${head.entry.seq} ${head.digest}`);
    await moveTag('kiln-ledger-staging', head.digest);
  }, 120_000);

  it('a quarantine hidden by moving the head back and emptying the referrers index is still refused', async () => {
    const q = digest(images.v2);
    const head = (await ledgerOf('staging').head()) as StoredEntry;
    const chain = await ledgerOf('staging').history();
    const quarantined = chain.find((s) => s.entry.action === 'quarantine' && s.entry.digest === q);
    expect(quarantined).toBeDefined();
    const older = chain.find((s) => s.entry.seq === (quarantined as StoredEntry).entry.seq - 1);
    // Two tag writes: the head back before the quarantine, the digest's referrers index emptied.
    await moveTag('kiln-ledger-staging', (older as StoredEntry).digest);
    await http(
      'PUT',
      `manifests/${fallbackTag(q)}`,
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          manifests: [],
        }),
      ),
      'application/vnd.oci.image.index.v1+json',
    );
    const err = await deploy(`${repo}@${q}`, 'staging').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerCorruptError);
    expect((err as Error).message).toContain('does not descend from');
    expectFleetOn(docker, staging, images.v1, 1);
    await moveTag('kiln-ledger-staging', head.digest);
    // Put back, the head carries the quarantine again, whatever the referrers index says.
    const refused = await deploy(`${repo}@${q}`, 'staging').catch((e: unknown) => e);
    expect((refused as Error).message).toContain('was quarantined in staging');
    expect(refused).toBeInstanceOf(GateRefusedError);
  }, 120_000);
});
