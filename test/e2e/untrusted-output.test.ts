import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { fromRecord } from '@kiln/core/inputs';
import { copyImage, type Digest, Registries, type RegistryRepository } from '@kiln/core/oci';
import { bakeBusyboxBase, ROOT, sampleAppInputs, testEnvironment } from '@kiln/local';
import {
  type HostileRegistry,
  respond,
  startHostileRegistry,
} from '../support/hostile-registry.js';
import { type ActionRun, runAction } from '../support/run-action.js';
import { DOTNET_WHITESPACE, unescapeData } from '../support/runner-commands.js';

// Text from an image (a label, HEALTHCHECK, the container's log) and from a registry (an error
// body in the retry log) that tries to become a workflow command, through the committed
// validate-image bundle run as a runner runs it (GITHUB_ACTIONS=true).
const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const SHA = 'e'.repeat(40);

/** The attacker's command: it must never reach the output as it was written. */
const INJECTED = '::warning title=pwned::';
const hostile = (where: string): string => `\n${INJECTED}${where} ##[warning]pwned-${where}`;

/** The commands Kiln itself issues through @actions/core. */
const KILN_COMMANDS = new Set([
  'add-mask',
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
]);

/**
 * Every line of stdout and stderr, as the runner splits them: none holds `##[`, and a line that
 * starts with `::` once trimmed is one of Kiln's own commands, never the attacker's (whose text
 * is not even on such a line), and no line of its data starts with `::` either.
 */
function expectNoInjectedCommand(r: ActionRun): void {
  for (const output of [r.stdout, r.stderr]) {
    for (const line of output.split(/\r\n|\r|\n/)) {
      expect(line).not.toContain('##[');
      const trimmed = line.replace(DOTNET_WHITESPACE, '');
      if (!trimmed.startsWith('::')) continue;
      expect(line).not.toContain(INJECTED);
      const [, name = '', data = ''] = /^::([^\s:]*)[^:]*(?:::([^]*))?$/.exec(trimmed) ?? [];
      if (!KILN_COMMANDS.has(name)) throw new Error(`a command Kiln never issues: ${line}`);
      for (const part of unescapeData(data).split('\n'))
        expect(part.replace(DOTNET_WHITESPACE, '')).not.toMatch(/^::/);
    }
  }
}

const sha256 = (bytes: Buffer): Digest =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}` as Digest;

/**
 * The baked sample app re-written as an attacker with push access would: a revision label and
 * a HEALTHCHECK carrying commands, and a CMD that prints one to the container log and exits.
 */
async function hostileImage(repo: RegistryRepository, digest: Digest): Promise<Digest> {
  const m = await repo.getManifest(digest);
  if (m.kind !== 'image') throw new Error(`expected an image manifest, got ${m.kind}`);
  const manifest = m.manifest;
  const config = JSON.parse((await repo.readBlob(manifest.config)).toString('utf8')) as {
    config: Record<string, unknown> & { Labels?: Record<string, string> };
  };
  config.config.Labels ??= {};
  config.config.Labels['org.opencontainers.image.revision'] = `v1${hostile('label')}`;
  config.config.Healthcheck = { Test: ['CMD-SHELL', `true${hostile('healthcheck')}`] };
  delete config.config.Entrypoint;
  config.config.Cmd = [
    '/bin/sh',
    '-c',
    `echo 'starting'; echo '${INJECTED}log ##[warning]pwned-log'; exit 3`,
  ];
  const configBytes = Buffer.from(JSON.stringify(config));
  const configDesc = {
    mediaType: manifest.config.mediaType,
    digest: sha256(configBytes),
    size: configBytes.length,
  };
  await repo.putBlob(configDesc, async () => Readable.from([configBytes]));
  const bytes = Buffer.from(JSON.stringify({ ...manifest, config: configDesc }));
  const hostileDigest = sha256(bytes);
  await repo.putManifest({ bytes, digest: hostileDigest, mediaType: m.mediaType });
  return hostileDigest;
}

describe('untrusted text in the validate-image bundle on a runner', () => {
  const registries = new Registries();
  const repository = `e2e-untrusted/shop-${run}`;
  let work = '';
  let baked: Digest;
  let image = '';
  let reg: HostileRegistry;

  beforeAll(async () => {
    work = mkdtempSync(join(ROOT, '.kiln', 'e2e-untrusted-'));
    const base = await bakeBusyboxBase(env.registry.host, {
      repository: `e2e-untrusted/base-${run}`,
    });
    const inputs = sampleAppInputs(env.registry.host, base.image, {
      image: `${env.registry.host}/${repository}`,
      'source-date-epoch': '1700000000',
    });
    const result = await bake(parseBakeRequest(fromRecord(inputs)), registries, () => {});
    baked = result.digest;
    const repo = registries.repository(env.registry.host, repository);
    image = `${env.registry.host}/${repository}@${await hostileImage(repo, baked)}`;
    reg = await startHostileRegistry();
  }, 90_000);

  afterAll(async () => {
    await reg?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  // No GITHUB_REPOSITORY: no check run is published (nothing here is about GitHub's API).
  const runnerEnv = { GITHUB_SHA: SHA, DOCKER_HOST: env.engine.dockerHost };

  it('a label, a HEALTHCHECK and the container log never become a command', async () => {
    const policy = join(work, 'policy.yml');
    writeFileSync(policy, 'revision: true\nhealthcheck: true\n');
    const r = await runAction(
      'actions/validate-image',
      { image, policy: relative(ROOT, policy), 'smoke-timeout': '20s' },
      { ...runnerEnv, GITHUB_ACTIONS: 'true' },
    );
    expect(r.outputs.result).toBe('fail');
    expectNoInjectedCommand(r);
    // Each hostile text did reach the log, shown with its first colon and its [ escaped.
    for (const where of ['label', 'healthcheck'])
      expect(r.stdout).toContain(
        `\\u003a:warning title=pwned::${where} ##\\u005bwarning]pwned-${where}`,
      );
    expect(r.stdout).toMatch(/FAIL {2}revision: built from v1\n\\u003a:warning title=pwned::label/);
    expect(r.stdout).toMatch(/pass {2}healthcheck: declared: true\n\\u003a:warning title=pwned::/);
    // A log line is shown after a prefix, so only its ##[ needed escaping.
    expect(r.stdout).toContain('  | ::warning title=pwned::log ##\\u005bwarning]pwned-log\n');
    // The failed rule's annotation carries the label as data, escaped the same way.
    expect(r.stdout).toMatch(
      /^::error title=policy%3A revision,.*::built from v1%0A\\u003a:warning/m,
    );
  }, 120_000);

  it('a registry error body in the retry log never becomes a command', async () => {
    await copyImage(
      registries.repository(env.registry.host, repository),
      registries.repository(reg.host, 'shop'),
      baked,
      { log: () => {} },
    );
    const body = `hostile${hostile('registry')}`;
    // One failed manifest read (the request retry, a debug line) and two failed upload starts
    // for the evidence (the operation retry, an info line); then the registry answers.
    reg.on({
      method: 'GET',
      path: /\/manifests\/sha256:/,
      times: 1,
      respond: respond.status(503, {}, body),
    });
    reg.on({
      method: 'POST',
      path: /\/blobs\/uploads\/$/,
      times: 2,
      respond: respond.status(503, {}, body),
    });
    const r = await runAction(
      'actions/validate-image',
      { image: `${reg.host}/shop@${baked}`, smoke: 'false' },
      { ...runnerEnv, GITHUB_ACTIONS: 'true' },
    );
    expectNoInjectedCommand(r);
    // The retries worked: the evidence was stored.
    expect(r.outputs.evidence).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(r.stdout).toMatch(
      /^::debug::GET .* failed: 503 UNAVAILABLE: hostile%0A\\u003a:warning title=pwned::registry ##\\u005bwarning\]pwned-registry; retry 1 in /m,
    );
    expect(r.stdout).toMatch(
      /^ {2}retrying upload of .* \(1\): POST .* failed: 503 UNAVAILABLE: hostile\n\\u003a:warning title=pwned::registry ##\\u005bwarning\]pwned-registry\n/m,
    );
  }, 120_000);
});
